// The pages a browser shows during an OAuth installation: plain text (HTML-escaped where it is placed),
// not Slack markup. Part of the one catalogue.
export const installPages = {
  retry: (installPath: string) => `请从 ${installPath} 重新开始。`,
  installed: {
    title: 'Pipeline 已安装',
    text: (where: string) =>
      `Pipeline 现已安装到 ${where}。打开 Slack 并输入 /opp help 即可开始。由于是您安装的，您就是它在此工作区的管理员。`,
  },
  cancelled: {
    title: '安装已取消',
    text: (retry: string) => `Pipeline 未安装：安装已被取消。${retry}`,
  },
  expired: {
    title: '安装链接已过期',
    text: (retry: string) => `Pipeline 未安装：此安装链接不完整、已过期，或是在另一个浏览器中打开的。${retry}`,
  },
  failed: {
    title: '安装失败',
    text: (retry: string) => `Pipeline 未安装：完成安装时出错。${retry}`,
  },
  databaseDown: {
    title: '安装失败',
    text: (installPath: string) => `Pipeline 无法开始安装：暂时无法连接其数据库。请稍后从 ${installPath} 重新开始。`,
  },
  /** Where it was installed when Slack names no team. */
  somewhere: 'Slack',
} as const;
