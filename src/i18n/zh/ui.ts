// Simplified Chinese strings of the Block Kit layer (cards, lists, App Home, modals, replies). Builders in
// src/slack/blocks take every user-visible word from here, through their presenter
// (src/i18n/presenter.ts). Template functions receive values that are already formatted (money, dates,
// percentages) and already escaped for mrkdwn where they go into it.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('zh');
const opportunities = (n: number): string => m('{n, plural, other {# 个商机}}', { n });

const chinese = {
  status: { not_started: '未开始', in_progress: '进行中', won: '赢单', lost: '丢单' },
  actionTaken: {
    none: '已激活第一阶段',
    next: '下一阶段',
    previous: '上一阶段',
    updated: '已更新',
    jumped: '已跳转',
    won: '赢单',
    lost: '丢单',
  },
  moveAction: {
    first: '激活第一阶段',
    next: '下一阶段',
    previous: '上一阶段',
    skip: '跳过',
    jump: '跳回',
    update: '更新估计',
  },
  priority: { low: '低', normal: '普通', high: '高' },
  probabilityCalculation: {
    multiply: '成功几率 × 完成 %',
    add: '成功几率与完成 % 的平均值',
    chances: '仅成功几率',
    completed: '仅完成 %',
  },
  contactType: { company: '公司', person: '个人' },
  outcome: { won: '赢单', lost: '丢单' },

  common: {
    none: '—',
    yes: '是',
    no: '否',
    cancel: '取消',
    close: '关闭',
    stage: (no: number, description: string) => (description.trim() === '' ? `阶段 ${no}` : `${no} · ${description}`),
    contact: (name: string, company: string | null) => (company ? `${name}，${company}` : name),
    contactOption: (no: string, type: string) => `${no} · ${type}`,
    cycle: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    andMore: (n: number, command: string) => `…还有 ${n} 项，请使用 \`${command}\` 查看。`,
    unknownCurrency: (code: string, amount: string) => `${code} ${amount}`,
  },

  placeholders: {
    amount: '例如 12,000',
    percent: '例如 40',
    quantity: '例如 2',
    unitPrice: '例如 1,250.00',
    discount: '0',
  },

  buttons: {
    show: '查看',
    activate: '激活第一阶段',
    next: '下一阶段',
    update: '更新',
    close: '关闭',
    createQuote: '创建报价',
    makeOrder: '生成订单',
    delete: '删除',
    edit: '编辑',
    addNote: '添加备注',
    more: '更多',
    newOpportunity: '新建商机',
    addLine: '添加行',
    purgeCancel: '取消',
    purgeConfirm: (n: number) => `删除 ${opportunities(n)}`,
    workspaceDeleteConfirm: '删除所有数据',
    workspaceDeleteCancel: '取消',
  },

  card: {
    fallback: (no: string, description: string, status: string) =>
      `${description.trim() ? `${no} · ${description}` : no} — ${status}`,
    header: (no: string, description: string) => (description.trim() ? `${no} · ${description}` : no),
    field: (label: string, value: string) => `*${label}*\n${value}`,
    labels: {
      status: '状态',
      stage: '阶段',
      contact: '联系人',
      salesperson: '销售人员',
      salesCycle: '销售周期',
      priority: '优先级',
      estimatedValue: '估计值',
      calcdCurrentValue: '计算的当前值',
      chances: '成功几率',
      completed: '完成 %',
      probability: '概率',
      estimatedCloseDate: '预计关闭日期',
      creationDate: '创建日期',
      dateClosed: '关闭日期',
      closeCode: '商机关闭代码',
      document: '报价 / 订单',
    },
    notStartedStage: '尚未开始',
    /** What a move or a Won close put in place of a value nobody typed, as Business Central does. */
    replaced: (changes: string[]) => `由规则设置：${changes.join('；')}。`,
    replacedChances: (from: string, to: string, stage: number) =>
      `成功几率 ${from} → ${to}（第 ${stage} 阶段的默认值）`,
    replacedCloseDate: (from: string, to: string, stage: number, formula: string) =>
      formula.trim()
        ? `关闭日期 ${from} → ${to}（阶段日期公式 ${formula}）`
        : `关闭日期 ${from} → ${to}（第 ${stage} 阶段没有日期公式：使用更改日期）`,
    replacedValue: (from: string, to: string) => `估计值 ${from} → ${to}（所关联报价的金额）`,
    replacedSalesAmount: (from: string, to: string) => `销售金额 ${from} → ${to}（所关联报价的金额）`,
    noDocument: '无',
    quote: (no: string, amount: string) => `报价 ${no} · ${amount}`,
    order: (no: string, amount: string) => `订单 ${no} · ${amount}`,
    closeCode: (code: string, description: string | null) => (description ? `${code} — ${description}` : code),
    historyTitle: (shown: number, total: number) =>
      shown === total ? `*历史记录* — 最新的在前` : `*历史记录* — 最新 ${shown} 条，共 ${total} 条`,
    noHistory: '尚无历史记录：第一阶段还未激活。',
    historyEntry: (parts: {
      date: string;
      action: string;
      stage: string | null;
      value: string;
      chances: string;
      daysOpen: number;
      active: boolean;
      closeCode: string | null;
    }) =>
      [
        `*${parts.date}*`,
        parts.stage === null ? parts.action : `${parts.action} → ${parts.stage}`,
        parts.value,
        `成功几率 ${parts.chances}`,
        parts.active ? '当前' : m('持续 {n, plural, other {# 天}}', { n: parts.daysOpen }),
        parts.closeCode ? `代码 ${parts.closeCode}` : null,
      ]
        .filter((p): p is string => p !== null && p !== '')
        .join(' · '),
    /** An edit of description, contact, salesperson or priority; `changes` come from editChange. */
    historyEdit: (date: string, who: string, changes: readonly string[]) =>
      `*${date}* · ${who} 进行了编辑：${changes.join('；')}`,
    editChange: {
      description: (from: string, to: string) => `描述“${from}” → “${to}”`,
      contact: (from: string, to: string) => `联系人 ${from} → ${to}`,
      salesperson: (from: string, to: string) => `销售人员 ${from} → ${to}`,
      priority: (from: string, to: string) => `优先级 ${from} → ${to}`,
    },
    historyNote: (date: string, who: string, text: string) => `*${date}* · :memo: ${who} 的备注：${text}`,
    deleteConfirm: {
      title: (no: string) => `删除 ${no}？`,
      text: (no: string) => `将删除 ${no} 及其历史记录，其任务会保留。此操作无法撤消。`,
      confirm: '删除',
      deny: '保留',
    },
  },

  list: {
    titles: {
      mine: '我的商机',
      all: '所有商机',
      user: '商机',
      /** `list all` by a rep in a workspace where reps read only their own. */
      allOnlyOwn: '我的商机（此处销售代表只能看到自己的商机）',
    },
    fallback: (title: string, count: number) => `${title}：${opportunities(count)}`,
    empty: '没有匹配的商机。试试 `/opp list all` 或使用 `/opp new` 新建一个。',
    /** An empty `list all` or `list @user`: suggesting `list all` again would lead nowhere. */
    emptyAll: '没有匹配的商机。试试其他筛选条件（例如 `status:all` ），或使用 `/opp new` 新建一个。',
    count: (shown: number, total: number) =>
      shown === total
        ? opportunities(total)
        : m('显示 {shown} 个，共 {total, plural, other {# 个商机}}', { shown: String(shown), total }),
    /** A later page: "47–92 of 120 opportunities". */
    pageCount: (first: number, last: number, total: number) =>
      m('第 {first}–{last} 个，共 {total, plural, other {# 个商机}}', {
        first: String(first),
        last: String(last),
        total,
      }),
    /** Totals per status over everything the list matches (never open, won and lost added together). */
    totalsByStatus: (parts: string[]) => `*合计：* ${parts.join(' · ')}`,
    openTotal: (count: number, estimated: string, calcd: string) =>
      `未关闭 ${count} 个：估计值 ${estimated}，加权值 ${calcd}`,
    wonTotal: (count: number, sales: string) => `赢单 ${count} 个：销售金额 ${sales}`,
    lostTotal: (count: number, estimated: string) => `丢单 ${count} 个：估计值 ${estimated}`,
    more: '更多',
    moreExpired: '此列表已失效：请重新运行命令查看。',
    nothingNamed: (text: string) =>
      `没有您可查看的商机包含“${text}”中的所有字词。 \`/opp find ${text}\` 还会显示只匹配部分字词的商机； \`/opp help list\` 会列出列表的筛选条件。`,
    line: (parts: {
      no: string;
      description: string;
      contact: string;
      where: string | null;
      value: string | null;
      probability: string | null;
      closing: string | null;
      owner: string;
    }) =>
      [
        `*${parts.no}* ${parts.description}`,
        parts.contact,
        parts.where,
        parts.value,
        parts.probability === null ? null : `概率 ${parts.probability}`,
        parts.closing === null ? null : `预计 ${parts.closing} 关闭`,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    totals: (estimated: string, calcd: string, shownOnly: boolean) =>
      `*${shownOnly ? '所示商机合计' : '合计'}：* 估计值 ${estimated} · 计算的当前值 ${calcd}`,
    moreCommand: '/opp list cycle:&lt;代码&gt; contact:&lt;联系人&gt;',
  },

  home: {
    title: '我的未关闭商机',
    intro: (count: number) => m('您有 {count, plural, other {# 个未关闭的商机}}。', { count }),
    empty: '您还没有未关闭的商机。输入 `/opp new` 或按下按钮即可新建，输入 `/opp help` 可查看机器人的全部功能。',
    notStartedGroup: '未开始',
    group: (stage: string, cycle: string) => `*${stage}* · ${cycle}`,
    groupTotals: (count: number, estimated: string, weighted: string) =>
      `${opportunities(count)} · 估计值 ${estimated} · 加权值 ${weighted}`,
    moreCommand: '/opp list mine',
    fallback: '我的未关闭商机',
    teamTitle: '团队的未关闭商机',
    teamIntro: (count: number, estimated: string, weighted: string) =>
      m('团队共有 {count, plural, other {# 个未关闭商机}}', { count }) + `：估计值 ${estimated} · 加权值 ${weighted}。`,
    teamEmpty: '团队还没有未关闭的商机。输入 `/opp new` 或按下按钮即可新建，输入 `/opp help` 可查看机器人的全部功能。',
    byStage: '*按阶段*',
    bySalesperson: '*按销售人员*',
    overviewLine: (label: string, figures: string) => `• ${label}：${figures}`,
    moreSalespeople: (n: number) => m('……以及另外 {n, plural, other {# 位销售人员}}。', { n }),
    pageRange: (from: number, to: number, total: number) =>
      m('第 {from, number}–{to, number} 个商机，共 {total, number} 个。', { from, to, total }),
    nextPage: '下一页',
    firstPage: '第一页',
  },

  modal: {
    unavailableTitle: '暂时无法操作',
    create: {
      title: '新建商机',
      submit: '创建',
      description: '描述',
      descriptionPlaceholder: '例如：为 Acme 采购 20 台笔记本电脑',
      contact: '联系人',
      contactPlaceholder: '输入名称或编号',
      salesperson: '销售人员',
      salesCycle: '销售周期',
      priority: '优先级',
      activate: '开始商机',
      activateOption: '立即激活第一阶段',
      activateHint: '勾选后，估计值、成功几率和预计关闭日期为必填项。',
      estimatedValue: '估计值',
      chances: '成功几率 %',
      estimatedCloseDate: '预计关闭日期',
      noCycles: '尚无可用的销售周期。使用 `/opp cycle add` 添加一个，并使用 `/opp stage add` 添加其阶段。',
    },
    update: {
      title: (no: string) => `更新 ${no}`,
      submit: '保存',
      context: (no: string, where: string) => `*${no}* — ${where}`,
      currentStage: (stage: string) => `当前处于阶段 ${stage}`,
      notStarted: '尚未开始',
      actionType: '您要执行什么操作？',
      targetStage: '目标阶段',
      movesTo: (stage: string) => `将转到阶段 ${stage}。`,
      staysAt: (stage: string) => `保持在阶段 ${stage}；只更改估计。`,
      quoteWarning: (stage: string, no: string) =>
        `:warning: 阶段 ${stage} 需要先有销售报价才能进入。请先使用 \`/opp quote ${no}\` 创建报价。`,
      stageChancesHint: '执行“跳过”和“跳回”时，将以目标阶段的成功几率取代您在此处输入的值。',
      dateOfChange: '更改日期',
      estimatedValue: '估计值',
      chances: '成功几率 %',
      estimatedCloseDate: '预计关闭日期',
      closeDateHint: '保持为更改日期，即可使用该阶段的日期公式。',
      cancelTasks: '任务',
      cancelTasksOption: '取消此商机未完成的任务',
      nothingPossible: (no: string) =>
        `无法变更 ${no} 的阶段：它已关闭，或其销售周期没有阶段。如需设置商机关闭代码和阶段，请输入 \`/opp help setup\` 查看说明。`,
    },
    close: {
      title: (no: string) => `关闭 ${no}`,
      submit: '关闭',
      context: (no: string) => `关闭 *${no}* 会记录结果并结束其销售流程。`,
      /** Make Order on an open opportunity: it is closed as Won first (Business Central asks the same). */
      forOrderSubmit: '关闭并生成订单',
      forOrderContext: (no: string) =>
        `*${no}* 仍处于未关闭状态：生成订单会先按报价金额将其以赢单关闭，然后根据报价生成订单。`,
      outcome: '结果',
      closeCode: '商机关闭代码',
      chooseOutcomeFirst: '选择“赢单”或“丢单”以查看对应的关闭代码。',
      noCodes: (outcome: string) =>
        `尚无${outcome}关闭代码。使用 \`/opp code add &lt;代码&gt; ${outcome.toLowerCase()} &lt;描述&gt;\` 添加一个。`,
      closingDate: '关闭日期',
      salesAmount: '销售金额',
      salesAmountFromQuote: (amount: string) => `将使用所关联报价的金额（${amount}）作为销售金额。`,
      cancelTasks: '任务',
      cancelTasksOption: '取消此商机未完成的任务',
    },
    quote: {
      title: (no: string) => `${no} 的报价`,
      submit: '创建报价',
      context: (no: string) => `*${no}* 的销售报价行。留空的行将被忽略。`,
      description: (i: number) => `第 ${i} 行 · 描述`,
      quantity: (i: number) => `第 ${i} 行 · 数量`,
      unitPrice: (i: number) => `第 ${i} 行 · 单价`,
      discount: (i: number) => `第 ${i} 行 · 折扣 %`,
      total: (amount: string, lines: number) =>
        `*合计：*${amount}（${m('{lines, plural, other {# 个完整行}}', { lines })}）`,
      maxLines: (max: number, no: string) =>
        `此表单最多接受 ${max} 行。如需更多行，请改用 \`/opp quote ${no} line:"描述;数量;单价"\` 命令。`,
    },
    edit: {
      title: (no: string) => `编辑 ${no}`,
      submit: '保存',
      context: (no: string, status: string) => `*${no}* — ${status}。阶段和各项数值请通过“更新”更改。`,
      description: '描述',
      contact: '联系人',
      contactPlaceholder: '输入名称或编号',
      contactStartedHint: '商机开始后，联系人只能在同一公司内更改。',
      salesperson: '销售人员',
      salespersonHint: '将商机交给其他人时，会通过私信通知对方。',
      priority: '优先级',
      closedHint: '商机已关闭：只能更改描述。',
    },
    note: {
      title: '添加备注',
      submit: '保存',
      context: (no: string, description: string) =>
        `在 *${no}* ${description} 上记录一次交互，日期为今天。它会显示在卡片的历史记录中，并计入 \`/opp stats ${no}\` 。`,
      text: '备注',
      placeholder: '例如：致电李安，对方希望周五前收到第二份报价',
    },
    salesCycle: {
      title: '销售周期',
      submit: '保存',
      code: '代码',
      codeHint: '最多 10 个字母或数字，例如 FIRM。',
      description: '描述',
      calculation: '概率计算',
      blocked: '已冻结',
      blockedOption: '已冻结：新商机不能使用',
      editTitle: '编辑销售周期',
      editAbout: (code: string) =>
        `销售周期 *${code}* （代码保持不变； \`/opp cycle block\` 可将其冻结）。商机保留其各条记录创建时的概率；新的计算方式从各商机的下一次变更起生效。`,
    },
    stage: {
      title: '销售周期阶段',
      submit: '保存',
      cycle: '销售周期',
      stageNo: '阶段编号',
      stageNoHint: '阶段按编号排序；编号可以不连续（10、20、30）。',
      description: '描述',
      completed: '完成 %',
      chances: '成功几率 %',
      flags: '选项',
      quoteRequired: '进入前需要报价',
      allowSkip: '可跳过',
      dateFormula: '日期公式',
      dateFormulaHint: '用于建议关闭日期，例如 10D、2W、1M 或 CM（月末）。',
      activityCode: '活动代码',
      noCycles: '请先使用 `/opp cycle add` 添加销售周期。',
      editTitle: '编辑阶段',
      editAbout: (cycle: string, stage: number) =>
        `销售周期 *${cycle}* 的阶段 *${stage}* 。已有的记录保留原有数值和描述；更改从下一次进入或在此阶段更新时起生效。`,
    },
    closeCode: {
      title: '商机关闭代码',
      submit: '保存',
      code: '代码',
      type: '适用的关闭结果',
      description: '描述',
      editTitle: '编辑商机关闭代码',
      editAbout: (code: string, type: string) =>
        `商机关闭代码 *${code}* （${type}）：其代码和类型保持不变，因为已有商机以它们关闭。`,
    },
    contact: {
      title: '新建联系人',
      submit: '保存',
      name: '名称',
      type: '类型',
      company: '公司',
      companyHint: '对于个人：其所任职的公司。',
      companyPlaceholder: '输入公司名称',
      email: '电子邮件',
      customer: '客户',
      customerOption: '同时创建客户',
      editTitle: '编辑联系人',
      editAbout: (no: string, type: string) => `联系人 *${no}* （${type}）。`,
      editCompanyHint: '个人更换公司时，其在原公司的商机、任务、报价和订单仍留在原公司，与 Business Central 中一样。',
      leaveCompany: '离开公司',
      leaveCompanyOption: '不再任职于任何公司',
      customerLinked: (no: string) => `已关联客户 ${no}。`,
      unlinkCustomerOption: '取消客户关联（仅当没有报价或订单使用该客户时）',
    },
  },

  errors: {
    required: '请填写此字段。',
    pickOne: '请选择一个选项。',
    pickDate: '请选择日期。',
    pickContact: '请选择联系人。',
    pickUser: '请选择人员。',
    pickOutcome: '请选择“赢单”或“丢单”。',
    pickCloseCode: '请选择商机关闭代码。',
    tooLong: (max: number) => `最多 ${max} 个字符。`,
    amount: '请输入金额，例如 12,000.50',
    amountAmbiguous: '请写成 12000 或 12,000：点号后跟三位数字会产生歧义。',
    amountDecimals: '最多 2 位小数。',
    amountRange: '请输入 0 到 999,999,999,999.99 之间的金额',
    otherCurrency: (text: string, currency: string) =>
      `${text} 使用的是其他币种，而此工作区的金额以 ${currency} 计：请以 ${currency} 填写，或不带货币符号。`,
    mustBePositive: '请输入大于 0 的金额。',
    percent: '请输入 0 到 100 之间的百分比，例如 40 或 12.5',
    percentPositive: '请输入大于 0 的百分比。',
    percentWhole: '请输入 0 到 100 之间的整数。',
    quantity: '请输入大于 0 的数量，例如 2 或 1.5',
    closeBeforeChange: '关闭日期不能早于更改日期。',
    code: '请使用 1 到 10 个字母或数字，不含空格。',
    stageNo: '请输入大于或等于 1 的整数阶段编号。',
    dateFormula: '请使用 10D、2W、1M、1Q、1Y 或 CM 等项，用 + 或 - 连接，例如 1M+CM。',
    email: '请输入电子邮件地址，例如 name@example.com',
    noLines: '请至少填写一行。',
    companyOnlyForPerson: '只有个人才能隶属于公司；如果是公司，请将此处留空。',
    customerNeedsCompany: '客户须由公司创建：请选择公司，或取消勾选“同时创建客户”。',
  },

  find: {
    title: (text: string) => `与“${text}”匹配的商机`,
    severalTitle: (text: string) => `“${text}”匹配多个商机：请选择一个`,
    fallback: (text: string, total: number) => `与“${text}”匹配的商机：${opportunities(total)}`,
    count: (from: number, to: number, total: number) =>
      from === 1 && to === total
        ? `${opportunities(total)}，最佳匹配在前`
        : m('第 {from}–{to} 个，共 {total, plural, other {# 个商机}}，最佳匹配在前', {
            from: String(from),
            to: String(to),
            total,
          }),
    empty: (text: string) => `没有您可查看的商机与“${text}”匹配。请尝试更少或不同的字词，或使用 \`/opp list all\` 。`,
    moreHint: '点击“更多”可查看后面的结果。',
    expired: '此搜索已过期：请重新运行 `/opp find` 。',
  },

  purge: {
    fallback: (n: number) => m('删除 {n, plural, other {# 个已关闭的商机}}？', { n }),
    title: (n: number) => m('*{n, plural, other {将删除以下 # 个已关闭的商机}}* 及其历史记录：', { n }),
    line: (no: string, description: string, status: string, closed: string | null) =>
      `• *${no}* ${description} · ${status}${closed ? ` · 关闭于 ${closed}` : ''}`,
    more: (n: number) => `…还有 ${n} 个。`,
    filter: (parts: string[]) =>
      parts.length === 0 ? '筛选条件：所有已关闭的商机。' : `筛选条件：${parts.join(' · ')}。`,
    filterParts: {
      status: (s: string) => `状态 ${s}`,
      closedBefore: (d: string) => `关闭于 ${d} 之前`,
      closedAfter: (d: string) => `关闭于 ${d} 之后`,
      owner: (code: string) => `销售人员 ${code}`,
      contact: (no: string) => `联系人 ${no}`,
      cycle: (code: string) => `周期 ${code}`,
      both: '赢单或丢单',
    },
    nothing: '没有符合该筛选条件的已关闭商机，因此不会删除任何内容。',
    warning: '任务会保留。此操作无法撤消。',
  },

  workspaceDelete: {
    fallback: '删除此工作区的所有销售管道数据？',
    text: (opportunities: number, contacts: number) =>
      `*删除此工作区的所有销售管道数据？* 包括 ${m('{n, plural, other {# 个商机}}', { n: opportunities })}及其历史记录、报价、订单和任务，${m('{n, plural, other {# 个联系人}}', { n: contacts })}和客户，以及销售周期、商机关闭代码、活动、摘要订阅、角色和设置。`,
    warning: '此操作无法撤消。应用仍保持安装；其他工作区不受影响。',
  },

  setup: {
    edit: '编辑',
    cycles: {
      title: '销售周期',
      moreCommand: '/opp cycle list',
      empty: '尚无销售周期。使用 `/opp cycle add FIRM 正式商机` 添加一个。',
      line: (code: string, description: string, calc: string, stages: number, blocked: boolean) =>
        `*${code}* ${description} · ${m('{stages, plural, other {# 个阶段}}', { stages })} · ${calc}${blocked ? ' · :no_entry: 已冻结' : ''}`,
    },
    stages: {
      edit: (stage: number) => `编辑阶段 ${stage}`,
      title: (cycle: string) => `${cycle} 的阶段`,
      empty: (code: string) =>
        `销售周期 ${code} 尚无阶段。使用 \`/opp stage add ${code} 1 资格审查 completed:10 chance:20\` 添加一个。`,
      moreCommand: (code: string) => `/opp stage list ${code}`,
      columns: ['阶段', '描述', '完成 %', '成功几率 %', '报价', '跳过', '公式'],
      calculation: (calc: string) => `概率：${calc}`,
    },
    closeCodes: {
      title: '商机关闭代码',
      moreCommand: '/opp code list',
      empty: '尚无商机关闭代码。使用 `/opp code add WIN 赢单 价格最优` 添加一个。',
      line: (code: string, type: string, description: string, uses: number) =>
        `*${code}* (${type}) ${description} · ${m('{uses, plural, =0 {未使用} other {已使用 # 次}}', { uses })}`,
    },
    contacts: {
      title: '联系人',
      empty: '未找到联系人。使用 `/opp contact add "Acme Corp" company` 添加一个。',
      line: (no: string, name: string, type: string, company: string | null, customerNo: string | null) =>
        [`*${no}* ${name}`, type, company, customerNo ? `客户 ${customerNo}` : null]
          .filter((p): p is string => p !== null)
          .join(' · '),
      moreCommand: '/opp contact list &lt;搜索文本&gt;',
    },
  },

  replies: {
    error: (sentence: string) => `:warning: ${sentence}`,
    success: (sentence: string) => `:white_check_mark: ${sentence}`,
    notice: (sentence: string) => `:information_source: ${sentence}`,
  },
} as const;

export const ui = trusted(chinese);
