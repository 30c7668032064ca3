// The help of `/opp` (`/opp help`, `/opp help <topic>`) in Simplified Chinese: what each topic says, its
// examples and the overview. Plain text: the help is escaped as a whole where it is shown
// (src/slack/grammar/help.ts), because its usage lines hold placeholders like `<stage no>`. The grammar keeps
// what is syntax (which subcommands a topic covers, their usage lines); every word here is language. Each
// example must parse, with Chinese values (dates, 赢单/丢单, 是/否) read in Chinese. Slack markup is kept
// apart from Chinese characters and full-width punctuation by a space, or Slack does not render it.
// Part of the one catalogue.

const chinese = {
  overview: {
    title: '*`/opp` 命令* — `OP00012` 是商机编号， `@ann` 和 `#sales` 分别表示提及的用户和频道。',
    /** Sections of example commands; one line each, several commands on a line joined with " · ". */
    sections: [
      {
        title: '*设置* （也可写作 `/opp setup …` ）',
        lines: [
          ['cycle add FIRM 正式商机 calc:multiply'],
          ['stage add {cycle} 1 初次接洽 completed:10 chance:20 formula:1W'],
          ['code add PRICE 赢单 价格最优'],
          ['contact add "Acme Corp" company customer:是'],
          ['customer add Acme Corp'],
          ['activity add PRES 产品演示 step:"预约会议;0D"'],
          ['role @ann manager'],
          [
            { example: 'cycle list', note: '（管理员：每行有一个编辑按钮）' },
            'stage list {cycle}',
            'code list',
            'contact list acme',
          ],
          ['activity list', 'roles'],
          [
            { example: 'stage edit {cycle} {stage}', note: '（打开表单，已填入当前值）' },
            'stage edit {cycle} {stage} chance:35',
          ],
          ['cycle edit {cycle} calc:add', 'code edit {won} description:"价格最优"', 'contact edit 李安 company:none'],
          ['setting reps-see-own:是', 'setting reps-add-contacts:否'],
          [{ example: 'workspace delete', note: '（会先请求确认）' }],
        ],
      },
      {
        title: '*商机*',
        lines: [
          [{ example: 'new', note: '（打开表单）' }],
          ['new 网站改版 contact:"Acme Corp" value:12,000 chance:40 close:下个月底'],
          ['list all status:赢单'],
          ['show OP00012', 'show 网站改版', 'find acme 续约'],
          ['edit OP00012 owner:@ann priority:high', { example: 'edit OP00012', note: '（打开表单）' }],
          ['note OP00012 致电李安：希望周五前收到第二份报价'],
          ['next OP00012 chance:60 close:30天后'],
          ['previous OP00012', 'move OP00012', 'order OP00012', 'delete OP00012'],
          ['skip OP00012 to:4', 'jump OP00012 to:2'],
          ['update OP00012 value:1.45万 close:下周五'],
          ['close OP00012 赢单 code:{won} amount:11,500'],
          ['quote OP00012 line:"许可证;10;1200;5"', 'quote OP00012'],
          ['tasks', 'tasks @ann'],
          ['purge status:丢单 closed-before:2025-01-01'],
        ],
      },
      {
        title: '*销售管道*',
        lines: [
          ['digest cycle:{cycle}'],
          ['stats OP00012', 'stats cycle:{cycle}'],
          ['export all status:all'],
          ['subscribe #sales weekly at:09:00 day:monday tz:Asia/Shanghai'],
          ['unsubscribe #sales', 'subscriptions'],
          ['alert #deals won lost value:>50k', 'alerts', 'alert remove 3'],
          ['language zh', 'language #sales zh'],
          ['notify', 'notify mute OP00012'],
        ],
      },
    ],
    details:
      '详细说明： `/opp help <命令>` ，例如 `/opp help close` ；另有 `/opp help dates` 、 `/opp help amounts` 和 `/opp help keys` 。',
  },
  /** A topic's first line: its title (a guide's own, or the command) and what it is about. */
  heading: (title: string, summary: string) => `*${title}* — ${summary}`,
  examplesTitle: '示例：',
  placeholders: {
    no: '编号',
    description: '描述',
    pct: '百分比',
    date: '日期',
    contact: '联系人',
    'stage no': '阶段编号',
    amount: '金额',
    'date of change': '变更日期',
    code: '代码',
    weekday: '星期几',
    'unit price': '单价',
    'sales amount': '销售金额',
    quantity: '数量',
    name: '名称',
    'discount %': '折扣 %',
    days: '天数',
    'date formula': '日期公式',
    'company name or no.': '公司名称或编号',
    'closing date': '关闭日期',
    address: '地址',
    'IANA zone': 'IANA 时区',
    'search text': '搜索文本',
    text: '文本',
    words: '关键词',
    'won code': '赢单代码',
  },
  /**
   * One entry per help topic (the grammar's HELP_TOPICS): what it is about, `/opp …` examples (without
   * the `/opp `; `@ann` stands for a user mention, `#sales` for a channel), notes, and a title for the
   * topics that are guides rather than commands.
   */
  topics: {
    setup: {
      title: '设置',
      summary: '设置销售周期、阶段、商机关闭代码、联系人、活动和角色。每个设置命令也都可以写作 `/opp setup …` 。',
      examples: ['cycle add FIRM 正式商机 calc:multiply', 'setup stage add {cycle} 1 初次接洽 completed:10 chance:20'],
    },
    cycle: {
      summary: '销售周期将商机要经历的各个阶段组织在一起。',
      examples: [
        'cycle add FIRM 正式商机 calc:multiply',
        'cycle add EXIST 现有客户 blocked:否',
        'cycle edit {cycle}',
        'cycle edit {cycle} description:"正式订单" calc:add',
        'cycle block EXIST',
        'cycle delete TEST',
      ],
      notes: [
        '`calc:` 指定概率的计算方式： `multiply` 、 `add` 、 `chances` （成功几率 %）或 `completed` （完成 %）。',
        '已冻结的周期不接受新商机；已在使用它的商机照常进行。只有在没有任何商机使用某个周期时才能删除它：否则请改为冻结。',
        '`cycle edit` （管理员）可直接更改描述和概率计算方式（不带键时打开表单，已填入当前值）；已有的记录保留其概率，新的计算方式从各商机的下一次变更起生效。',
      ],
    },
    stage: {
      summary: '销售周期的各个阶段，按顺序排列。',
      examples: [
        'stage add {cycle} 1 初次接洽 completed:10 chance:20 formula:1W',
        'stage add {cycle} 2 产品演示 completed:40% chance:40 quote:是 activity:PRES',
        'stage edit {cycle} {stage}',
        'stage edit {cycle} {stage} chance:35 formula:2W skip:否 activity:none',
        'stage delete {cycle} 2',
      ],
      notes: [
        '只有在没有未关闭的商机处于某个阶段时，才能删除该阶段。',
        '`stage edit` （管理员）可直接更改阶段：描述、完成 %、成功几率、 `quote:` 、 `skip:` 、 `formula:` 和 `activity:` （ `none` 可清除后两项）；不带键时打开表单，已填入当前值。与 Business Central 中一样，已有的记录保留原有数值；新值从下一次进入或在此阶段更新时起生效。',
      ],
    },
    code: {
      summary: '商机关闭代码说明商机赢单或丢单的原因。',
      examples: [
        'code add PRICE 赢单 价格最优',
        'code add COMP 丢单 输给竞争对手',
        'code edit {lost} description:"输给对手"',
        'code delete COMP',
      ],
      notes: [
        '只有在没有商机以某个关闭代码关闭时，才能删除该代码。',
        '`code edit` （管理员）可更改其描述（不带键时打开表单）；代码和类型保持不变。',
      ],
    },
    contact: {
      summary: '联系人可以是公司或个人；个人可以隶属于某个公司。',
      examples: [
        'contact add "Acme Corp" company customer:是',
        'contact add 李安 person company:"Acme Corp" email:ann@acme.com',
        'contact edit 李安',
        'contact edit 李安 name:"李安琪" company:"Contoso"',
        'contact edit Acme Corp customer:是',
      ],
      notes: [
        '所有人都可以添加联系人，除非管理员将其限定为仅管理员可用（ `/opp setting reps-add-contacts:no` ）；创建客户仅限管理员。',
        '`contact edit` （管理员）可更改名称、个人所属的公司（ `company:none` 表示离开公司）以及客户关联（ `customer:yes` 创建客户， `customer:no` 取消没有报价或订单使用的客户关联）；不带键时打开表单。个人离开公司时，其在该公司的商机仍留在该公司，并以该公司为联系人，与 Business Central 中一样。',
      ],
    },
    customer: {
      summary: '由公司联系人创建客户。',
      examples: ['customer add Acme Corp', 'setup customer add CT000012'],
    },
    activity: {
      summary: '活动是阶段可以创建的一组跟进步骤；每个步骤都有一个日期公式。',
      examples: ['activity add PRES 产品演示 step:"预约会议;0D" step:"发送跟进邮件;1W"', 'activity list'],
    },
    role: {
      summary: '为成员分配此工作区中的角色（仅限管理员）。',
      examples: ['role @ann manager', 'role @ann rep'],
      notes: [
        '*admin* （管理员）：设置（周期、阶段、代码、联系人、活动）、批量清除、角色、工作区设置、删除工作区。',
        '*manager* （经理）：工作区的所有商机、摘要和订阅。',
        '*rep* （销售代表，即所有没有角色的人）：创建商机，并更改自己担任销售人员的商机。',
        '在没有管理员的工作区中，第一个使用 `/opp` 的人将成为管理员。工作区始终至少保留一名管理员。',
      ],
    },
    roles: {
      summary: '列出管理员和经理；其他所有人都是销售代表。',
      examples: ['roles', 'setup roles'],
    },
    setting: {
      summary: '显示或更改工作区的设置（仅限管理员）。',
      examples: [
        'setting',
        'setting reps-see-own:是',
        'setting reps-add-contacts:否',
        'setting currency:CNY default-cycle:{cycle} stale-days:21',
      ],
      notes: [
        '`reps-see-own:yes` ：销售代表只能看到自己担任销售人员的商机；经理和管理员仍可看到全部商机。',
        '`reps-add-contacts:no` ：只有管理员可以添加联系人（默认值 `yes` ：所有人都可以，新的潜在客户无需等待管理员）。',
        '`currency:` 是显示金额所用的三字母币种代码（初始为 USD）。',
        '`default-cycle:` 是未选择销售周期时新商机使用的周期（设为 `none` 则由用户自行选择）。',
        '`stale-days:` 是未关闭的商机多久无变更后会被摘要列为停滞（初始为 14 天）。',
        '`language:` 是未选择语言的频道中消息所用的语言（初始为 `en`；参见 `/opp help language`）。',
      ],
    },
    language: {
      summary: '选择我回复您时使用的语言，或（经理和管理员）选择频道中摘要和公告的语言。',
      examples: ['language', 'language zh', 'language en', 'language auto', 'language #sales zh'],
      notes: [
        '语言： `en` 英语、 `fr` 法语、 `it` 意大利语、 `nb` 挪威语（书面）、 `zh` 简体中文。 `auto` 恢复跟随 Slack 的语言。',
        '命令在所有语言中保持不变；您输入的日期和金额按您的语言读取。',
        '未选择语言的频道使用工作区的语言（ `/opp setting language:zh` ），否则使用英语。',
      ],
    },
    workspace: {
      summary: '删除此工作区的所有数据（会先请求确认）。',
      examples: ['workspace delete', 'setup workspace delete'],
    },
    new: {
      summary: '新建商机。 `new` 后面不加任何内容时，将打开“新建商机”表单。',
      examples: [
        'new 网站改版 contact:"Acme Corp" value:12,000 chance:40 close:下个月底',
        'new CRM 许可证 contact:Acme value:25000 chance:25% close:12月15日 cycle:{cycle} owner:@ann priority:high',
      ],
    },
    list: {
      summary:
        '列出商机：默认只列出您自己的、未关闭的商机。公司（ `contact:` ）包括其下的人员；列表较长时有“更多”按钮，合计按状态分别统计。',
      examples: ['list all status:赢单', 'list @ann contact:Acme cycle:{cycle}', 'list 车队续约'],
      notes: [
        '在 `mine` 、 `all` 或 `@用户` 的位置写名称时，效果与 `show` 相同： `list 车队续约` 会显示描述、联系人或公司包含其中所有字词的那个商机；匹配多个时列出候选商机；没有匹配时提示使用 `/opp find` 。名称不能与筛选条件同时使用；写编号（ `list OP00012` ）则显示该商机。',
      ],
    },
    show: {
      summary: '显示一个商机：按编号，或按其描述、联系人或公司中的字词查找（匹配多个时，由您选择一个）。',
      subcommands: ['show'],
      examples: ['show OP00012', 'show op00012', 'show 网站改版'],
    },
    edit: {
      summary: '更改商机的描述、联系人、销售人员或优先级。不带键时将打开“编辑”表单，其中已填入当前值。',
      examples: [
        'edit OP00012',
        'edit OP00012 owner:@ann priority:high',
        'edit OP00012 description:"网站改版（第二期）" contact:"李安"',
      ],
      notes: [
        '商机开始后，其联系人只能在同一公司内更改。已关闭的商机只能更改描述。',
        '销售代表可以编辑自己的商机，但不能将其交给其他人；经理可以（ `owner:` ），新的销售人员会收到私信通知。',
        '每次编辑都会显示在卡片的历史记录中：由谁、在何时、将什么从什么改成了什么。',
      ],
    },
    note: {
      summary: '在商机上记录一次交互（一次通话、一次会议、达成的约定），日期为今天。不带文本时将打开“添加备注”表单。',
      examples: ['note OP00012 致电李安：希望周五前收到第二份报价', 'note OP00012'],
      notes: ['备注显示在卡片的历史记录中，并在 `/opp stats OP00012` 中计为交互。'],
    },
    find: {
      summary:
        '按描述、联系人或公司中的字词查找商机，不区分大小写和重音符号；最佳匹配排在最前，点击“更多”按钮可查看后面的结果。',
      examples: ['find acme', 'find 网站改版', 'find muller'],
      notes: ['您只能找到自己有权查看的商机（如果销售代表只能看到自己的商机，则只能找到自己的）。'],
    },
    next: {
      summary: '将商机转到下一阶段，可同时更改估计值、成功几率或关闭日期。',
      examples: ['next OP00012', 'next OP00012 chance:60 close:30天后'],
    },
    previous: {
      summary: '将商机退回上一阶段。',
      examples: ['previous OP00012', 'previous OP00012 date:昨天'],
    },
    skip: {
      summary: '向前跳过到后面的某个阶段（中间的阶段必须允许跳过）。',
      examples: ['skip OP00012 to:4', 'skip OP00012 to:4 value:15000'],
    },
    jump: {
      summary: '跳转到任意阶段，向前或向后均可。',
      examples: ['jump OP00012 to:2', 'jump OP00012 to:5 close:季度末'],
    },
    update: {
      summary: '更改估计值、成功几率或关闭日期，不改变阶段。',
      examples: ['update OP00012 value:1.45万', 'update OP00012 chance:70 close:下周五'],
    },
    move: {
      summary: '打开“更新商机”表单。',
      examples: ['move OP00012', 'move op00012'],
    },
    close: {
      summary: '以赢单或丢单关闭商机。只给出编号时，将打开“关闭商机”表单。',
      examples: ['close OP00012 赢单 code:{won} amount:11,500 date:今天', 'close OP00012 丢单 code:{lost}'],
    },
    quote: {
      summary:
        '为商机创建销售报价。只给出编号时，将显示所关联的报价及其各行和合计；如果还没有报价，则打开“创建报价”表单。',
      examples: ['quote OP00012 line:"许可证;10;1200;5" line:"上线培训;1;3000"', 'quote OP00012'],
      notes: [
        '每个 `line:` 的格式为 `描述;数量;单价` ，可选再加 `;折扣 %` （最多 100 行）。',
        '显示的报价带有 *编辑行* （在生成订单之前可用）和 *替换报价* （在商机进行中时可用：与 Business Central 中一样，旧报价会保留，但不再与商机关联）按钮。商机卡片上也有 *查看报价* 按钮。',
      ],
    },
    tasks: {
      summary:
        '列出您未完成的任务（由销售周期各阶段的活动创建），最早到期的排在最前，并带有 *完成* 和 *推迟* 按钮。经理和管理员可以列出其他人的任务。',
      examples: ['tasks', 'tasks @ann'],
      notes: [
        '每个任务也会显示在其商机的卡片上，以及本应用 *主页* 标签页的 *我的任务* 下。“推迟”会要求输入一个更晚的日期，按平常的说法输入即可（ `下周五` 、 `3天后` ）。',
        '到期当天上午 9:00（按任务负责人自己的 Slack 时区），负责人会收到一条私信，仅发送一次（错过超过一周的提醒不再发送）。',
      ],
    },
    order: {
      summary:
        '根据所关联的报价生成销售订单。未关闭的商机会先以赢单关闭： `code:` 指定赢单关闭代码，否则将打开“关闭商机”表单，已设为赢单并填入报价金额。',
      examples: ['order OP00012', 'order OP00012 code:{won}'],
    },
    delete: {
      summary: '删除一个商机。',
      examples: ['delete OP00012', 'delete op00012'],
    },
    purge: {
      summary: '批量删除已关闭的商机：先显示将被删除的内容，再请求确认。',
      examples: [
        'purge status:丢单 closed-before:2025-01-01',
        'purge closed-after:2024-01-01 closed-before:去年年底 owner:@ann',
      ],
    },
    digest: {
      summary: '将销售管道摘要发布到此频道。',
      examples: ['digest', 'digest cycle:{cycle} owner:@ann'],
    },
    stats: {
      summary: '单个商机或单个销售周期的统计信息。',
      examples: ['stats OP00012', 'stats cycle:{cycle}'],
    },
    export: {
      summary:
        '通过私信向您发送商机的 CSV 文件；筛选条件与 `list` 相同。未指定 `mine` 、 `all` 或 `@用户` 时，经理和管理员获得整个销售管道，销售代表获得自己的商机。最多 100,000 个商机，按编号取前面的。',
      examples: ['export all status:all', 'export @ann cycle:{cycle}'],
    },
    subscribe: {
      summary: '按计划将摘要发布到某个频道。 `day:` 仅适用于每周摘要。',
      examples: [
        'subscribe #sales weekly at:09:00 day:monday tz:Asia/Shanghai',
        'subscribe #sales daily cycle:{cycle}',
      ],
    },
    unsubscribe: {
      summary: '停止向某个频道发布摘要。',
      examples: ['unsubscribe #sales', 'unsubscribe #deals'],
    },
    subscriptions: {
      summary: '列出定期摘要。',
      examples: ['subscriptions', 'help subscribe'],
    },
    notify: {
      summary:
        '通过私信接收的通知：他人对您的商机所做的更改（转阶段、更新、编辑、关闭、重新分配、删除、备注）、到期的任务，以及已超过关闭日期或在工作区设定的停滞天数内无更改的商机。每类通知可设为立即发送（ `instant` ）、汇入您选定时间的每日汇总（ `daily` ）或关闭（ `off` ）；免打扰时段（按您的时区）内的消息会等到时段结束后再发送； `mute` 可将单个商机静音。不带键时显示您当前的设置。也可在本应用的 *主页* 标签页中设置。',
      examples: [
        'notify',
        'notify changes:instant overdue:daily stale:off summary:8:30 quiet:22:00-07:00',
        'notify mute OP00012',
        'notify unmute OP00012',
      ],
    },
    alert: {
      summary:
        '在商机被创建、转阶段、赢单、丢单或重新分配时向频道发送提醒（经理和管理员）。不指定频道时发到当前频道；不指定类型时为 `won` 和 `lost` 。 `value:` 与估计值比较（赢单或丢单的商机则与金额比较）； `k` 表示千。同一商机在一分钟内的多次更改合并为一条消息，并随之更新。',
      examples: [
        'alert #deals won lost value:>50k',
        'alert #pipeline created stage cycle:{cycle} owner:@ann',
        'alert remove 3',
      ],
    },
    alerts: {
      summary: '列出频道提醒及其编号、类型和筛选条件。',
      examples: ['alerts', 'help alert'],
    },
    dates: {
      title: '日期',
      summary: '日期按您所在的时区解读。',
      examples: ['next OP00012 close:季度末', 'update OP00012 close:两周后'],
      notes: [
        '相对日期： `今天` 、 `明天` 、 `周五` 、 `下周五` 、 `30天后` 、 `两周后` 、 `下个月` 。',
        '期间首尾： `月底` 、 `下个月底` 、 `季度末` 、 `年底` （也可用 `月初` 、 `年初` 等）。',
        '固定日期： `2026-12-15` 、 `2026/12/15` 、 `12月15日` 、 `2026年12月15日` 、 `15号` 。英文写法（如 `next friday` ）同样有效。',
        '`close:` 取未来的日期（ `周五` 指即将到来的周五）； `date:` 和 `closed-before:` 取过去的日期（ `周五` 指最近过去的周五）。',
      ],
    },
    amounts: {
      title: '金额',
      summary: '金额和百分比。',
      examples: ['update OP00012 value:12,000.50', 'update OP00012 chance:12.5%'],
      notes: [
        '金额： `12000` 、 `12,000` 、 `12000.50` 、 `¥12,000` 、 `12万` 、 `1.45万` 、 `12k` ；最多 2 位小数。',
        '`12.000` 有歧义，会被拒绝：请写成 `12000` 或 `12.00` 。',
        '百分比： `40` 或 `40%` ，范围 0 到 100，最多 2 位小数。',
      ],
    },
    keys: {
      title: '键和值',
      summary: '`键:值` 对的用法。',
      examples: [
        'new 续约 contact:Acme Corp value:5000 chance:50 close:下个月底',
        'new "Q3: 续约 close: 尽快" contact:Acme value:1 chance:5 close:今天',
      ],
      notes: [
        '值一直延续到下一个键为止，因此 `contact:Acme Corp` 无需引号。键不区分大小写。',
        '引号（ "…" 或 \'…\' ）内的空格和冒号按原样保留。如果描述中含有键名后跟冒号，请给描述加上引号。',
        '紧跟冒号、但不是该命令的键的词（如 `colour:red` ）会被报告为未知的键。',
      ],
    },
  },
} as const;

export const help = chinese;
