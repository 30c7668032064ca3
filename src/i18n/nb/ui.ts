// Norwegian Bokmål strings of the Block Kit layer (cards, lists, App Home, modals, replies): the same keys
// and parameters as English's (src/i18n/en/ui.ts). Business Central's Norwegian terms: salgsmulighet,
// fase, salgssyklus, lukkekode, sluttdato, selger, salgstilbud, salgsordre. The reader is "du".
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('nb');
const opportunities = (n: number): string => m('{n, plural, one {# salgsmulighet} other {# salgsmuligheter}}', { n });

const norwegian = {
  status: { not_started: 'Ikke startet', in_progress: 'Pågår', won: 'Vunnet', lost: 'Tapt' },
  actionTaken: {
    none: 'Første fase aktivert',
    next: 'Neste',
    previous: 'Forrige',
    updated: 'Oppdatert',
    jumped: 'Hoppet tilbake',
    won: 'Vunnet',
    lost: 'Tapt',
  },
  moveAction: {
    first: 'Aktiver første fase',
    next: 'Neste fase',
    previous: 'Forrige fase',
    skip: 'Hopp over (fremover)',
    jump: 'Hopp tilbake',
    update: 'Oppdater estimater',
  },
  priority: { low: 'Lav', normal: 'Normal', high: 'Høy' },
  probabilityCalculation: {
    multiply: 'Sjanse × fullført',
    add: 'Gjennomsnitt av sjanse og fullført',
    chances: 'Bare sjanse for suksess %',
    completed: 'Bare fullført %',
  },
  contactType: { company: 'Firma', person: 'Person' },
  outcome: { won: 'Vunnet', lost: 'Tapt' },

  common: {
    none: '—',
    yes: 'Ja',
    no: 'Nei',
    cancel: 'Avbryt',
    close: 'Lukk',
    stage: (no: number, description: string) => (description.trim() === '' ? `Fase ${no}` : `${no} · ${description}`),
    contact: (name: string, company: string | null) => (company ? `${name}, ${company}` : name),
    contactOption: (no: string, type: string) => `${no} · ${type}`,
    cycle: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    andMore: (n: number, command: string) => `…og ${n} til — bruk \`${command}\`.`,
    unknownCurrency: (code: string, amount: string) => `${amount} ${code}`,
  },

  placeholders: {
    amount: 'f.eks. 12 000',
    percent: 'f.eks. 40',
    quantity: 'f.eks. 2',
    unitPrice: 'f.eks. 1 250,00',
    discount: '0',
  },

  buttons: {
    show: 'Vis',
    activate: 'Aktiver første fase',
    next: 'Neste fase',
    update: 'Oppdater',
    close: 'Lukk',
    createQuote: 'Opprett tilbud',
    makeOrder: 'Lag ordre',
    delete: 'Slett',
    edit: 'Rediger',
    addNote: 'Legg til notat',
    more: 'Flere',
    newOpportunity: 'Ny salgsmulighet',
    addLine: 'Legg til linje',
    purgeCancel: 'Avbryt',
    purgeConfirm: (n: number) => `Slett ${opportunities(n)}`,
    workspaceDeleteConfirm: 'Slett alle data',
    workspaceDeleteCancel: 'Avbryt',
  },

  card: {
    fallback: (no: string, description: string, status: string) =>
      `${description.trim() ? `${no} · ${description}` : no} — ${status}`,
    header: (no: string, description: string) => (description.trim() ? `${no} · ${description}` : no),
    field: (label: string, value: string) => `*${label}*\n${value}`,
    labels: {
      status: 'Status',
      stage: 'Fase',
      contact: 'Kontakt',
      salesperson: 'Selger',
      salesCycle: 'Salgssyklus',
      priority: 'Prioritet',
      estimatedValue: 'Estimert verdi',
      calcdCurrentValue: 'Beregnet nåværende verdi',
      chances: 'Sjanse for suksess',
      completed: 'Fullført',
      probability: 'Sannsynlighet',
      estimatedCloseDate: 'Estimert sluttdato',
      creationDate: 'Opprettet',
      dateClosed: 'Lukket',
      closeCode: 'Lukkekode',
      document: 'Tilbud / ordre',
    },
    notStartedStage: 'Ikke startet ennå',
    /** What a move or a Won close put in place of a value nobody typed, as Business Central does. */
    replaced: (changes: string[]) => `Satt av reglene: ${changes.join(', ')}.`,
    replacedChances: (from: string, to: string, stage: number) =>
      `sjanse for suksess ${from} → ${to} (standardverdien for fase ${stage})`,
    replacedCloseDate: (from: string, to: string, stage: number, formula: string) =>
      formula.trim()
        ? `sluttdato ${from} → ${to} (fasens datoformel ${formula})`
        : `sluttdato ${from} → ${to} (fase ${stage} har ingen datoformel: endringsdatoen)`,
    replacedValue: (from: string, to: string) => `estimert verdi ${from} → ${to} (beløpet i det tilknyttede tilbudet)`,
    replacedSalesAmount: (from: string, to: string) =>
      `salgsbeløp ${from} → ${to} (beløpet i det tilknyttede tilbudet)`,
    noDocument: 'Ingen',
    quote: (no: string, amount: string) => `Tilbud ${no} · ${amount}`,
    order: (no: string, amount: string) => `Ordre ${no} · ${amount}`,
    closeCode: (code: string, description: string | null) => (description ? `${code} — ${description}` : code),
    historyTitle: (shown: number, total: number) =>
      shown === total ? `*Historikk* (nyeste først)` : `*Historikk* (de ${shown} nyeste av ${total})`,
    noHistory: 'Ingen historikk ennå: første fase er ikke aktivert.',
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
        `${parts.chances} sjanse`,
        parts.active ? 'nåværende' : m('åpen i {n, plural, one {# dag} other {# dager}}', { n: parts.daysOpen }),
        parts.closeCode ? `kode ${parts.closeCode}` : null,
      ]
        .filter((p): p is string => p !== null && p !== '')
        .join(' · '),
    /** An edit of description, contact, salesperson or priority; `changes` come from editChange. */
    historyEdit: (date: string, who: string, changes: readonly string[]) =>
      `*${date}* · Redigert av ${who}: ${changes.join('; ')}`,
    editChange: {
      description: (from: string, to: string) => `beskrivelse «${from}» → «${to}»`,
      contact: (from: string, to: string) => `kontakt ${from} → ${to}`,
      salesperson: (from: string, to: string) => `selger ${from} → ${to}`,
      priority: (from: string, to: string) => `prioritet ${from} → ${to}`,
    },
    historyNote: (date: string, who: string, text: string) => `*${date}* · :memo: Notat fra ${who}: ${text}`,
    deleteConfirm: {
      title: (no: string) => `Slette ${no}?`,
      text: (no: string) => `${no} og historikken blir slettet. Oppgavene beholdes. Dette kan ikke angres.`,
      confirm: 'Slett',
      deny: 'Behold den',
    },
  },

  list: {
    titles: {
      mine: 'Dine salgsmuligheter',
      all: 'Alle salgsmuligheter',
      user: 'Salgsmuligheter',
      /** `list all` by a rep in a workspace where reps read only their own. */
      allOnlyOwn: 'Dine salgsmuligheter (salgsrepresentanter her ser bare sine egne)',
    },
    fallback: (title: string, count: number) => `${title}: ${opportunities(count)}`,
    empty: 'Ingen salgsmuligheter samsvarer. Prøv `/opp list all`, eller opprett en med `/opp new`.',
    /** An empty `list all` or `list @user`: suggesting `list all` again would lead nowhere. */
    emptyAll:
      'Ingen salgsmuligheter samsvarer. Prøv et annet filter (for eksempel `status:all`), eller opprett en med `/opp new`.',
    count: (shown: number, total: number) =>
      shown === total
        ? opportunities(total)
        : m('{shown} av {total, plural, one {# salgsmulighet} other {# salgsmuligheter}}', {
            shown: String(shown),
            total,
          }),
    /** A later page: "47–92 av 120 salgsmuligheter". */
    pageCount: (first: number, last: number, total: number) =>
      m('{first}–{last} av {total, plural, one {# salgsmulighet} other {# salgsmuligheter}}', {
        first: String(first),
        last: String(last),
        total,
      }),
    /** Totals per status over everything the list matches (never open, won and lost added together). */
    totalsByStatus: (parts: string[]) => `*Totalt:* ${parts.join(' · ')}`,
    openTotal: (count: number, estimated: string, calcd: string) =>
      `åpne ${count}: ${estimated} estimert, ${calcd} vektet`,
    wonTotal: (count: number, sales: string) => `vunnet ${count}: ${sales} i salg`,
    lostTotal: (count: number, estimated: string) => `tapt ${count}: ${estimated} estimert`,
    more: 'Flere',
    moreExpired: 'Denne listen er ikke lenger tilgjengelig: kjør kommandoen på nytt for å se den.',
    nothingNamed: (text: string) =>
      `Ingen salgsmulighet du kan se, har alle ordene i «${text}». \`/opp find ${text}\` viser også dem som samsvarer med noen av ordene; \`/opp help list\` viser filtrene for listen.`,
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
        parts.probability === null ? null : `${parts.probability} sannsynlighet`,
        parts.closing === null ? null : `lukkes ${parts.closing}`,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    totals: (estimated: string, calcd: string, shownOnly: boolean) =>
      `*Totalt${shownOnly ? ' for de viste' : ''}:* ${estimated} estimert · ${calcd} beregnet nåværende verdi`,
    moreCommand: '/opp list cycle:&lt;KODE&gt; contact:&lt;kontakt&gt;',
  },

  home: {
    title: 'Dine åpne salgsmuligheter',
    intro: (count: number) =>
      m('Du har {count, plural, one {# åpen salgsmulighet} other {# åpne salgsmuligheter}}.', { count }),
    empty:
      'Du har ingen åpne salgsmuligheter ennå. Skriv `/opp new` (eller trykk på knappen) for å opprette en, og `/opp help` for å se alt boten kan gjøre.',
    notStartedGroup: 'Ikke startet',
    group: (stage: string, cycle: string) => `*${stage}* (${cycle})`,
    groupTotals: (count: number, estimated: string, weighted: string) =>
      `${opportunities(count)} · ${estimated} estimert · ${weighted} vektet`,
    moreCommand: '/opp list mine',
    fallback: 'Dine åpne salgsmuligheter',
    teamTitle: 'Teamets åpne pipeline',
    teamIntro: (count: number, estimated: string, weighted: string) =>
      m('Teamet har {count, plural, one {# åpen salgsmulighet} other {# åpne salgsmuligheter}}', { count }) +
      `: ${estimated} estimert · ${weighted} vektet.`,
    teamEmpty:
      'Teamet har ingen åpne salgsmuligheter ennå. Skriv `/opp new` (eller trykk på knappen) for å opprette en, og `/opp help` for å se alt boten kan gjøre.',
    byStage: '*Per fase*',
    bySalesperson: '*Per selger*',
    overviewLine: (label: string, figures: string) => `• ${label}: ${figures}`,
    moreSalespeople: (n: number) => m('…og {n, plural, one {# selger til} other {# selgere til}}.', { n }),
    pageRange: (from: number, to: number, total: number) =>
      m('Salgsmuligheter {from, number}–{to, number} av {total, number}.', { from, to, total }),
    nextPage: 'Neste side',
    firstPage: 'Første side',
  },

  modal: {
    unavailableTitle: 'Ikke mulig akkurat nå',
    create: {
      title: 'Ny salgsmulighet',
      submit: 'Opprett',
      description: 'Beskrivelse',
      descriptionPlaceholder: 'f.eks. 20 bærbare PC-er til Acme',
      contact: 'Kontakt',
      contactPlaceholder: 'Skriv et navn eller nummer',
      salesperson: 'Selger',
      salesCycle: 'Salgssyklus',
      priority: 'Prioritet',
      activate: 'Start den',
      activateOption: 'Aktiver første fase nå',
      activateHint: 'Når dette er krysset av, må estimert verdi, sjanse og sluttdato fylles ut.',
      estimatedValue: 'Estimert verdi',
      chances: 'Sjanse for suksess %',
      estimatedCloseDate: 'Estimert sluttdato',
      noCycles:
        'Det finnes ingen salgssyklus som kan brukes ennå. Legg til en med `/opp cycle add` og fasene med `/opp stage add`.',
    },
    update: {
      title: (no: string) => `Oppdater ${no}`,
      submit: 'Lagre',
      context: (no: string, where: string) => `*${no}* — ${where}`,
      currentStage: (stage: string) => `nå i fase ${stage}`,
      notStarted: 'ikke startet ennå',
      actionType: 'Hva vil du gjøre?',
      targetStage: 'Målfase',
      movesTo: (stage: string) => `Flyttes til fase ${stage}.`,
      staysAt: (stage: string) => `Blir værende i fase ${stage}; bare estimatene endres.`,
      quoteWarning: (stage: string, no: string) =>
        `:warning: Fase ${stage} krever et salgstilbud før du kan flytte hit. Opprett et først med \`/opp quote ${no}\`.`,
      stageChancesHint: 'Ved Hopp over og Hopp tilbake erstatter målfasens sjanse for suksess det du skriver her.',
      dateOfChange: 'Endringsdato',
      estimatedValue: 'Estimert verdi',
      chances: 'Sjanse for suksess %',
      estimatedCloseDate: 'Estimert sluttdato',
      closeDateHint: 'La den stå på endringsdatoen for å bruke fasens datoformel.',
      cancelTasks: 'Oppgaver',
      cancelTasksOption: 'Avbryt de åpne oppgavene for denne salgsmuligheten',
      nothingPossible: (no: string) =>
        `${no} kan ikke flyttes: den er lukket, eller salgssyklusen har ingen faser. Lukkekoder og faser settes opp med \`/opp help setup\`.`,
    },
    close: {
      title: (no: string) => `Lukk ${no}`,
      submit: 'Lukk',
      context: (no: string) => `Når du lukker *${no}*, registreres utfallet, og salgsmuligheten går ut av pipelinen.`,
      /** Make Order on an open opportunity: it is closed as Won first (Business Central asks the same). */
      forOrderSubmit: 'Lukk og lag ordre',
      forOrderContext: (no: string) =>
        `*${no}* er fortsatt åpen: når ordren lages, lukkes salgsmuligheten først som Vunnet med tilbudsbeløpet. Deretter lages ordren fra tilbudet.`,
      outcome: 'Utfall',
      closeCode: 'Lukkekode',
      chooseOutcomeFirst: 'Velg Vunnet eller Tapt for å se de tilhørende lukkekodene.',
      noCodes: (outcome: string) =>
        `Det finnes ingen lukkekode av typen ${outcome} ennå. Legg til en med \`/opp code add &lt;KODE&gt; ${outcome.toLowerCase()} &lt;beskrivelse&gt;\`.`,
      closingDate: 'Lukkedato',
      salesAmount: 'Salgsbeløp',
      salesAmountFromQuote: (amount: string) => `Beløpet i det tilknyttede tilbudet (${amount}) brukes som salgsbeløp.`,
      cancelTasks: 'Oppgaver',
      cancelTasksOption: 'Avbryt de åpne oppgavene for denne salgsmuligheten',
    },
    quote: {
      title: (no: string) => `Tilbud for ${no}`,
      submit: 'Opprett tilbud',
      context: (no: string) => `Linjene i salgstilbudet for *${no}*. La en linje stå tom for å hoppe over den.`,
      description: (i: number) => `Linje ${i} · beskrivelse`,
      quantity: (i: number) => `Linje ${i} · antall`,
      unitPrice: (i: number) => `Linje ${i} · enhetspris`,
      discount: (i: number) => `Linje ${i} · rabatt %`,
      total: (amount: string, lines: number) =>
        `*Totalt:* ${amount} (${m('{lines, plural, one {# fullstendig linje} other {# fullstendige linjer}}', { lines })})`,
      maxLines: (max: number, no: string) =>
        `Dette skjemaet tar opptil ${max} linjer. For flere, bruk \`/opp quote ${no} line:"beskrivelse;antall;pris"\`.`,
    },
    edit: {
      title: (no: string) => `Rediger ${no}`,
      submit: 'Lagre',
      context: (no: string, status: string) => `*${no}* — ${status}. Fase og tall endres med Oppdater.`,
      description: 'Beskrivelse',
      contact: 'Kontakt',
      contactPlaceholder: 'Skriv et navn eller nummer',
      contactStartedHint: 'Når salgsmuligheten er startet, kan kontakten bare byttes innenfor samme firma.',
      salesperson: 'Selger',
      salespersonHint: 'Gir du den til en annen, får vedkommende beskjed i en direktemelding.',
      priority: 'Prioritet',
      closedHint: 'Den er lukket: bare beskrivelsen kan fortsatt endres.',
    },
    note: {
      title: 'Legg til notat',
      submit: 'Lagre',
      context: (no: string, description: string) =>
        `Registrerer en interaksjon på *${no}* ${description}, datert i dag. Den vises i kortets historikk og telles i \`/opp stats ${no}\`.`,
      text: 'Notat',
      placeholder: 'f.eks. Ringte Kari: de vil ha et nytt tilbud innen fredag',
    },
    salesCycle: {
      title: 'Salgssyklus',
      submit: 'Lagre',
      code: 'Kode',
      codeHint: 'Opptil 10 bokstaver eller sifre, f.eks. FIRM.',
      description: 'Beskrivelse',
      calculation: 'Sannsynlighetsberegning',
      blocked: 'Sperret',
      blockedOption: 'Sperret: nye salgsmuligheter kan ikke bruke den',
      editTitle: 'Rediger salgssyklus',
      editAbout: (code: string) =>
        `Salgssyklus *${code}* (koden beholdes; \`/opp cycle block\` sperrer den). Salgsmulighetene beholder sannsynligheten postene deres ble laget med; en ny beregning gjelder fra neste endring av hver av dem.`,
    },
    stage: {
      title: 'Fase i salgssyklus',
      submit: 'Lagre',
      cycle: 'Salgssyklus',
      stageNo: 'Fasenummer',
      stageNoHint: 'Fasene sorteres etter nummer; hull i nummereringen går fint (10, 20, 30).',
      description: 'Beskrivelse',
      completed: 'Fullført %',
      chances: 'Sjanse for suksess %',
      flags: 'Alternativer',
      quoteRequired: 'Krever tilbud for å gå inn',
      allowSkip: 'Kan hoppes over',
      dateFormula: 'Datoformel',
      dateFormulaHint: 'Foreslår sluttdatoen, f.eks. 10D, 2W, 1M eller CM (slutten av måneden).',
      activityCode: 'Aktivitetskode',
      noCycles: 'Legg først til en salgssyklus med `/opp cycle add`.',
      editTitle: 'Rediger fase',
      editAbout: (cycle: string, stage: number) =>
        `Fase *${stage}* i salgssyklus *${cycle}*. Poster som allerede er laget, beholder tall og beskrivelse; endringene gjelder fra neste gang en salgsmulighet flyttes inn i eller oppdateres i denne fasen.`,
    },
    closeCode: {
      title: 'Lukkekode',
      submit: 'Lagre',
      code: 'Kode',
      type: 'Brukes når en salgsmulighet er',
      description: 'Beskrivelse',
      editTitle: 'Rediger lukkekode',
      editAbout: (code: string, type: string) =>
        `Lukkekode *${code}* (${type}): koden og typen beholdes, siden salgsmuligheter er lukket med dem.`,
    },
    contact: {
      title: 'Ny kontakt',
      submit: 'Lagre',
      name: 'Navn',
      type: 'Type',
      company: 'Firma',
      companyHint: 'For en person: firmaet personen jobber i.',
      companyPlaceholder: 'Skriv et firmanavn',
      email: 'E-post',
      customer: 'Kunde',
      customerOption: 'Opprett også kunden',
      editTitle: 'Rediger kontakt',
      editAbout: (no: string, type: string) => `Kontakt *${no}* (${type}).`,
      editCompanyHint:
        'En person som bytter firma, lar salgsmulighetene, oppgavene, tilbudene og ordrene fra det gamle firmaet bli igjen hos det firmaet, slik Business Central gjør.',
      leaveCompany: 'Slutter i firmaet',
      leaveCompanyOption: 'Jobber ikke lenger for et firma',
      customerLinked: (no: string) => `Knyttet til kunde ${no}.`,
      unlinkCustomerOption: 'Fjern koblingen til kunden (bare når ingen tilbud eller ordre bruker kunden)',
    },
  },

  errors: {
    required: 'Fyll ut dette feltet.',
    pickOne: 'Velg ett av alternativene.',
    pickDate: 'Velg en dato.',
    pickContact: 'Velg en kontakt.',
    pickUser: 'Velg en person.',
    pickOutcome: 'Velg enten Vunnet eller Tapt.',
    pickCloseCode: 'Velg en lukkekode.',
    tooLong: (max: number) => `Bruk høyst ${max} tegn.`,
    amount: 'Skriv inn et beløp, for eksempel 12 000,50',
    amountAmbiguous: 'Skriv 12000 eller 12 000 — et punktum fulgt av tre sifre er tvetydig.',
    amountDecimals: 'Bruk høyst 2 desimaler.',
    amountRange: 'Skriv inn et beløp mellom 0 og 999 999 999 999,99',
    otherCurrency: (text: string, currency: string) =>
      `${text} er skrevet i en annen valuta, og beløpene i dette arbeidsområdet er i ${currency}: skriv det i ${currency}, eller uten valutategn.`,
    mustBePositive: 'Skriv inn et beløp større enn 0.',
    percent: 'Skriv inn en prosentsats mellom 0 og 100, for eksempel 40 eller 12,5',
    percentPositive: 'Skriv inn en prosentsats større enn 0.',
    percentWhole: 'Bruk et heltall mellom 0 og 100.',
    quantity: 'Skriv inn et antall større enn 0, for eksempel 2 eller 1,5',
    closeBeforeChange: 'Sluttdatoen kan ikke være tidligere enn endringsdatoen.',
    code: 'Bruk 1 til 10 bokstaver eller sifre, uten mellomrom.',
    stageNo: 'Skriv inn et helt fasenummer på 1 eller mer.',
    dateFormula: 'Bruk ledd som 10D, 2W, 1M, 1Q, 1Y eller CM, satt sammen med + eller -, f.eks. 1M+CM.',
    email: 'Skriv inn en e-postadresse, for eksempel navn@eksempel.no',
    noLines: 'Fyll ut minst én linje.',
    companyOnlyForPerson: 'Bare en person kan høre til et firma; la feltet stå tomt for et firma.',
    customerNeedsCompany:
      'En kunde opprettes fra et firma: velg firmaet, eller fjern krysset for «Opprett også kunden».',
  },

  find: {
    title: (text: string) => `Salgsmuligheter som samsvarer med «${text}»`,
    severalTitle: (text: string) => `«${text}» samsvarer med flere salgsmuligheter: velg én`,
    fallback: (text: string, total: number) => `${opportunities(total)} som samsvarer med «${text}»`,
    count: (from: number, to: number, total: number) =>
      from === 1 && to === total
        ? `${opportunities(total)}, beste treff først`
        : m('{from}–{to} av {total, plural, one {# salgsmulighet} other {# salgsmuligheter}}, beste treff først', {
            from: String(from),
            to: String(to),
            total,
          }),
    empty: (text: string) =>
      `Ingen salgsmulighet du kan se, samsvarer med «${text}». Prøv færre eller andre ord, eller \`/opp list all\`.`,
    moreHint: 'Flere viser de neste.',
    expired: 'Det søket er utløpt: kjør `/opp find` på nytt.',
  },

  purge: {
    fallback: (n: number) =>
      m('Slette {n, plural, one {# lukket salgsmulighet} other {# lukkede salgsmuligheter}}?', { n }),
    title: (n: number) =>
      m(
        '*{n, plural, one {Denne lukkede salgsmuligheten} other {Disse # lukkede salgsmulighetene}} blir slettet*, med historikken:',
        { n },
      ),
    line: (no: string, description: string, status: string, closed: string | null) =>
      `• *${no}* ${description} · ${status}${closed ? ` · lukket ${closed}` : ''}`,
    more: (n: number) => `…og ${n} til.`,
    filter: (parts: string[]) =>
      parts.length === 0 ? 'Filter: alle lukkede salgsmuligheter.' : `Filter: ${parts.join(' · ')}.`,
    filterParts: {
      status: (s: string) => `status ${s}`,
      closedBefore: (d: string) => `lukket før ${d}`,
      closedAfter: (d: string) => `lukket etter ${d}`,
      owner: (code: string) => `selger ${code}`,
      contact: (no: string) => `kontakt ${no}`,
      cycle: (code: string) => `syklus ${code}`,
      both: 'vunnet eller tapt',
    },
    nothing: 'Ingen lukket salgsmulighet samsvarer med filteret, så ingenting ville blitt slettet.',
    warning: 'Oppgavene beholdes. Dette kan ikke angres.',
  },

  workspaceDelete: {
    fallback: 'Slette alle pipelinedata i dette arbeidsområdet?',
    text: (opportunities: number, contacts: number) =>
      `*Slette alle pipelinedata i dette arbeidsområdet?* ${m('{n, plural, one {# salgsmulighet} other {# salgsmuligheter}}', { n: opportunities })} med historikk, tilbud, ordrer og oppgaver, ${m('{n, plural, one {# kontakt} other {# kontakter}}', { n: contacts })} og kunder, salgssykluser, lukkekoder, aktiviteter, abonnementer på sammendrag, roller og innstillinger.`,
    warning: 'Dette kan ikke angres. Appen forblir installert; andre arbeidsområder berøres ikke.',
  },

  setup: {
    edit: 'Rediger',
    cycles: {
      title: 'Salgssykluser',
      moreCommand: '/opp cycle list',
      empty: 'Ingen salgssykluser ennå. Legg til en med `/opp cycle add FIRM Faste salg`.',
      line: (code: string, description: string, calc: string, stages: number, blocked: boolean) =>
        `*${code}* ${description} · ${m('{stages, plural, one {# fase} other {# faser}}', { stages })} · ${calc}${blocked ? ' · :no_entry: sperret' : ''}`,
    },
    stages: {
      edit: (stage: number) => `Rediger fase ${stage}`,
      title: (cycle: string) => `Faser i ${cycle}`,
      empty: (code: string) =>
        `Salgssyklus ${code} har ingen faser ennå. Legg til en med \`/opp stage add ${code} 1 Kvalifisering completed:10 chance:20\`.`,
      moreCommand: (code: string) => `/opp stage list ${code}`,
      columns: ['Fase', 'Beskrivelse', 'Fullf.', 'Sjanse', 'Tilbud', 'Hopp', 'Formel'],
      calculation: (calc: string) => `Sannsynlighet: ${calc}`,
    },
    closeCodes: {
      title: 'Lukkekoder',
      moreCommand: '/opp code list',
      empty: 'Ingen lukkekoder ennå. Legg til en med `/opp code add WIN vunnet Beste pris`.',
      line: (code: string, type: string, description: string, uses: number) =>
        `*${code}* (${type}) ${description} · ${m('{uses, plural, =0 {ubrukt} one {brukt # gang} other {brukt # ganger}}', { uses })}`,
    },
    contacts: {
      title: 'Kontakter',
      empty: 'Fant ingen kontakter. Legg til en med `/opp contact add "Acme Corp" company`.',
      line: (no: string, name: string, type: string, company: string | null, customerNo: string | null) =>
        [`*${no}* ${name}`, type, company, customerNo ? `kunde ${customerNo}` : null]
          .filter((p): p is string => p !== null)
          .join(' · '),
      moreCommand: '/opp contact list &lt;søketekst&gt;',
    },
  },

  replies: {
    error: (sentence: string) => `:warning: ${sentence}`,
    success: (sentence: string) => `:white_check_mark: ${sentence}`,
    notice: (sentence: string) => `:information_source: ${sentence}`,
  },
} as const;

export const ui = trusted(norwegian);
