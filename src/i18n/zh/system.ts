// Sentences for failures no user caused, and the app's own notices. Part of the one catalogue.
import { trusted } from '../markup.ts';
const chinese = {
  databaseUnavailable: '暂时无法连接销售管道数据库，因此未做任何更改。请稍后重试。',
  unexpected: '我们这边出了问题，未做任何更改。请重试；如果问题持续出现，请告诉管理员。',
  savedNotShown: '您的更改已保存，但暂时无法读回并显示。请稍后再查看该商机，不要重复进行此更改。',
  slackUnavailable: 'Slack 刚才没有接受我们的回复。您的更改已保存；再次运行该命令即可查看结果。',
  privateChannel: '我无法在此对话中发帖。请邀请我加入该频道（输入 `/invite @Pipeline` 即可），或使用公共频道。',
  notInWorkspace: '此请求来自一个我不认识的工作区；未执行任何操作。',
  malformedRequest: '该请求看起来不是来自 Slack，因此未执行任何操作。请重试。',
  formContextRefused:
    '无法保存此表单：它是在一天多以前打开的、由其他人打开的，或在传输途中被更改过。未保存或发布任何内容。请关闭它，然后从商机卡片或通过 `/opp` 重新打开。',
  workspaceMismatch: '此请求指定的工作区与其来源工作区不同，因此未执行任何操作。请从 Slack 重试。',
  alreadyHandled: '完全相同的请求已经处理过，因此这次未做任何更改。如需再次执行，请重新运行命令或再次点击按钮。',
  helpPointer: '输入 `/opp help` 查看示例。',
  savingTitle: '正在保存…',
  savingText: '正在保存您的更改…',
  savedTitle: '已保存',
  savedText: '您的更改已保存。',
  notSavedTitle: '未保存',
  notSavedHint: '未做任何更改。请按“返回”修改表单后重新提交。',
  done: '完成',
  back: '返回',
} as const;

export const system = trusted(chinese);
