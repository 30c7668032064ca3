// Italian strings of the Block Kit layer (cards, lists, App Home, modals, replies): the same keys and
// parameters as src/i18n/en/ui.ts. Template functions receive values that are already formatted (money,
// dates, percentages) and already escaped for mrkdwn where they go into it.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('it');
const opportunities = (n: number): string =>
  m('{n, plural, one {# opportunità} many {# di opportunità} other {# opportunità}}', { n });

const italian = {
  status: { not_started: 'Non avviata', in_progress: 'In corso', won: 'Vinta', lost: 'Persa' },
  actionTaken: {
    none: 'Prima fase attivata',
    next: 'Successivo',
    previous: 'Precedente',
    updated: 'Aggiornato',
    jumped: 'Vai a',
    won: 'Vinta',
    lost: 'Persa',
  },
  moveAction: {
    first: 'Attiva prima fase',
    next: 'Fase successiva',
    previous: 'Fase precedente',
    skip: 'Salta a una fase successiva',
    jump: 'Vai a una fase precedente',
    update: 'Aggiorna stime',
  },
  priority: { low: 'Bassa', normal: 'Normale', high: 'Alta' },
  probabilityCalculation: {
    multiply: 'Probabilità × completato',
    add: 'Media di probabilità e completato',
    chances: 'Solo probabilità di successo',
    completed: 'Solo % completato',
  },
  contactType: { company: 'Società', person: 'Persona' },
  outcome: { won: 'Vinta', lost: 'Persa' },

  common: {
    none: '—',
    yes: 'Sì',
    no: 'No',
    cancel: 'Annulla',
    close: 'Chiudi',
    stage: (no: number, description: string) => (description.trim() === '' ? `Fase ${no}` : `${no} · ${description}`),
    contact: (name: string, company: string | null) => (company ? `${name}, ${company}` : name),
    contactOption: (no: string, type: string) => `${no} · ${type}`,
    cycle: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    andMore: (n: number, command: string) => `…e ${n} in più — usare \`${command}\`.`,
    unknownCurrency: (code: string, amount: string) => `${amount} ${code}`,
  },

  placeholders: {
    amount: 'es. 12.000',
    percent: 'es. 40',
    quantity: 'es. 2',
    unitPrice: 'es. 1.250,00',
    discount: '0',
  },

  buttons: {
    show: 'Mostra',
    activate: 'Attiva prima fase',
    next: 'Fase successiva',
    update: 'Aggiorna',
    close: 'Chiudi',
    createQuote: 'Crea offerta',
    makeOrder: 'Crea ordine',
    delete: 'Elimina',
    edit: 'Modifica',
    addNote: 'Aggiungi nota',
    more: 'Altre',
    newOpportunity: 'Nuova opportunità',
    addLine: 'Aggiungi riga',
    purgeCancel: 'Annulla',
    purgeConfirm: (n: number) => `Elimina ${opportunities(n)}`,
    workspaceDeleteConfirm: 'Elimina tutti i dati',
    workspaceDeleteCancel: 'Annulla',
  },

  card: {
    fallback: (no: string, description: string, status: string) =>
      `${description.trim() ? `${no} · ${description}` : no} — ${status}`,
    header: (no: string, description: string) => (description.trim() ? `${no} · ${description}` : no),
    field: (label: string, value: string) => `*${label}*\n${value}`,
    labels: {
      status: 'Stato',
      stage: 'Fase',
      contact: 'Contatto',
      salesperson: 'Agente',
      salesCycle: 'Ciclo di vendita',
      priority: 'Priorità',
      estimatedValue: 'Valore stimato',
      calcdCurrentValue: 'Valore corrente calcolato',
      chances: 'Probabilità di successo',
      completed: 'Completato',
      probability: 'Probabilità',
      estimatedCloseDate: 'Data chiusura stimata',
      creationDate: 'Data creazione',
      dateClosed: 'Data chiusura',
      closeCode: 'Codice chiusura',
      document: 'Offerta / ordine',
    },
    notStartedStage: 'Non ancora avviata',
    /** What a move or a Won close put in place of a value nobody typed, as Business Central does. */
    replaced: (changes: string[]) => `Impostato dalle regole: ${changes.join(', ')}.`,
    replacedChances: (from: string, to: string, stage: number) =>
      `probabilità di successo ${from} → ${to} (predefinita della fase ${stage})`,
    replacedCloseDate: (from: string, to: string, stage: number, formula: string) =>
      formula.trim()
        ? `data chiusura stimata ${from} → ${to} (formula data della fase ${formula})`
        : `data chiusura stimata ${from} → ${to} (la fase ${stage} non ha formula data: la data modifica)`,
    replacedValue: (from: string, to: string) => `valore stimato ${from} → ${to} (l’importo dell’offerta collegata)`,
    replacedSalesAmount: (from: string, to: string) =>
      `importo vendita ${from} → ${to} (l’importo dell’offerta collegata)`,
    noDocument: 'Nessuno',
    quote: (no: string, amount: string) => `Offerta ${no} · ${amount}`,
    order: (no: string, amount: string) => `Ordine ${no} · ${amount}`,
    closeCode: (code: string, description: string | null) => (description ? `${code} — ${description}` : code),
    historyTitle: (shown: number, total: number) =>
      shown === total ? `*Cronologia* (dalla più recente)` : `*Cronologia* (più recenti: ${shown} su ${total})`,
    noHistory: 'Ancora nessuna cronologia: la prima fase non è stata attivata.',
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
        `${parts.chances} di probabilità`,
        parts.active
          ? 'fase attuale'
          : m('{n, plural, one {# giorno} many {# di giorni} other {# giorni}} nella fase', { n: parts.daysOpen }),
        parts.closeCode ? `codice ${parts.closeCode}` : null,
      ]
        .filter((p): p is string => p !== null && p !== '')
        .join(' · '),
    /** An edit of description, contact, salesperson or priority; `changes` come from editChange. */
    historyEdit: (date: string, who: string, changes: readonly string[]) =>
      `*${date}* · Modificata da ${who}: ${changes.join('; ')}`,
    editChange: {
      description: (from: string, to: string) => `descrizione “${from}” → “${to}”`,
      contact: (from: string, to: string) => `contatto ${from} → ${to}`,
      salesperson: (from: string, to: string) => `agente ${from} → ${to}`,
      priority: (from: string, to: string) => `priorità ${from} → ${to}`,
    },
    historyNote: (date: string, who: string, text: string) => `*${date}* · :memo: Nota di ${who}: ${text}`,
    deleteConfirm: {
      title: (no: string) => `Eliminare ${no}?`,
      text: (no: string) =>
        `${no} e la relativa cronologia verranno eliminate. Gli impegni restano. L’operazione non può essere annullata.`,
      confirm: 'Elimina',
      deny: 'Mantieni',
    },
  },

  list: {
    titles: {
      mine: 'Le mie opportunità',
      all: 'Tutte le opportunità',
      user: 'Opportunità',
      /** `list all` by a rep in a workspace where reps read only their own. */
      allOnlyOwn: 'Le mie opportunità (qui gli agenti vedono solo le proprie)',
    },
    fallback: (title: string, count: number) => `${title}: ${opportunities(count)}`,
    empty: 'Nessuna opportunità corrispondente. Provare `/opp list all` oppure crearne una con `/opp new`.',
    /** An empty `list all` or `list @user`: suggesting `list all` again would lead nowhere. */
    emptyAll:
      'Nessuna opportunità corrispondente. Provare un altro filtro (ad esempio `status:all`) oppure crearne una con `/opp new`.',
    count: (shown: number, total: number) =>
      shown === total
        ? opportunities(total)
        : m('{shown} su {total, plural, one {# opportunità} many {# di opportunità} other {# opportunità}}', {
            shown: String(shown),
            total,
          }),
    /** A later page: "47–92 of 120 opportunities". */
    pageCount: (first: number, last: number, total: number) =>
      m('{first}–{last} su {total, plural, one {# opportunità} many {# di opportunità} other {# opportunità}}', {
        first: String(first),
        last: String(last),
        total,
      }),
    /** Totals per status over everything the list matches (never open, won and lost added together). */
    totalsByStatus: (parts: string[]) => `*Totale:* ${parts.join(' · ')}`,
    openTotal: (count: number, estimated: string, calcd: string) =>
      `aperte ${count}: ${estimated} stimato, ${calcd} ponderato`,
    wonTotal: (count: number, sales: string) => `vinte ${count}: importo vendita ${sales}`,
    lostTotal: (count: number, estimated: string) => `perse ${count}: ${estimated} stimato`,
    more: 'Mostra altre',
    moreExpired: 'Questo elenco non è più disponibile: eseguire di nuovo il comando per visualizzarlo.',
    nothingNamed: (text: string) =>
      `Nessuna opportunità visibile contiene tutte le parole di “${text}”. \`/opp find ${text}\` mostra anche quelle che ne contengono solo alcune; \`/opp help list\` mostra i filtri dell’elenco.`,
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
        parts.probability === null ? null : `probabilità ${parts.probability}`,
        parts.closing === null ? null : `chiusura ${parts.closing}`,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    totals: (estimated: string, calcd: string, shownOnly: boolean) =>
      `*Totale${shownOnly ? ' delle opportunità visualizzate' : ''}:* ${estimated} stimato · ${calcd} valore corrente calcolato`,
    moreCommand: '/opp list cycle:&lt;CODICE&gt; contact:&lt;contatto&gt;',
  },

  home: {
    title: 'Le mie opportunità aperte',
    intro: (count: number) =>
      m('Ha {count, plural, one {# opportunità aperta} many {# di opportunità aperte} other {# opportunità aperte}}.', {
        count,
      }),
    empty:
      'Non ha ancora opportunità aperte. Digitare `/opp new` (o premere il pulsante) per crearne una e `/opp help` per vedere tutto ciò che il bot sa fare.',
    notStartedGroup: 'Non avviate',
    group: (stage: string, cycle: string) => `*${stage}* (${cycle})`,
    groupTotals: (count: number, estimated: string, weighted: string) =>
      `${opportunities(count)} · ${estimated} stimato · ${weighted} ponderato`,
    moreCommand: '/opp list mine',
    fallback: 'Le mie opportunità aperte',
    teamTitle: 'La pipeline aperta del team',
    teamIntro: (count: number, estimated: string, weighted: string) =>
      m(
        'Il team ha {count, plural, one {# opportunità aperta} many {# di opportunità aperte} other {# opportunità aperte}}',
        { count },
      ) + `: ${estimated} stimato · ${weighted} ponderato.`,
    teamEmpty:
      'Il team non ha ancora opportunità aperte. Digitare `/opp new` (o premere il pulsante) per crearne una e `/opp help` per vedere tutto ciò che il bot sa fare.',
    byStage: '*Per fase*',
    bySalesperson: '*Per agente*',
    overviewLine: (label: string, figures: string) => `• ${label}: ${figures}`,
    moreSalespeople: (n: number) =>
      m('…e {n, plural, one {un altro agente} many {altri # di agenti} other {altri # agenti}}.', { n }),
    pageRange: (from: number, to: number, total: number) =>
      m('Opportunità {from, number}–{to, number} di {total, number}.', { from, to, total }),
    nextPage: 'Pagina successiva',
    firstPage: 'Prima pagina',
  },

  modal: {
    unavailableTitle: 'Operazione non possibile',
    create: {
      title: 'Nuova opportunità',
      submit: 'Crea',
      description: 'Descrizione',
      descriptionPlaceholder: 'es. 20 portatili per Acme',
      contact: 'Contatto',
      contactPlaceholder: 'Digitare un nome o un numero',
      salesperson: 'Agente',
      salesCycle: 'Ciclo di vendita',
      priority: 'Priorità',
      activate: 'Avvio',
      activateOption: 'Attiva subito la prima fase',
      activateHint: 'Se selezionato, valore stimato, probabilità di successo e data chiusura stimata sono obbligatori.',
      estimatedValue: 'Valore stimato',
      chances: '% probabilità di successo',
      estimatedCloseDate: 'Data chiusura stimata',
      noCycles:
        'Non esiste ancora un ciclo di vendita utilizzabile. Aggiungerne uno con `/opp cycle add` e le relative fasi con `/opp stage add`.',
    },
    update: {
      title: (no: string) => `Aggiorna ${no}`,
      submit: 'Salva',
      context: (no: string, where: string) => `*${no}* — ${where}`,
      currentStage: (stage: string) => `attualmente nella fase ${stage}`,
      notStarted: 'non ancora avviata',
      actionType: 'Cosa si desidera fare?',
      targetStage: 'Fase di destinazione',
      movesTo: (stage: string) => `Passa alla fase ${stage}.`,
      staysAt: (stage: string) => `Resta nella fase ${stage}; cambiano solo le stime.`,
      quoteWarning: (stage: string, no: string) =>
        `:warning: La fase ${stage} richiede un’offerta di vendita prima di potervi passare. Crearla prima con \`/opp quote ${no}\`.`,
      stageChancesHint:
        'Con Salta e Vai a, la probabilità di successo della fase di destinazione sostituisce il valore inserito qui.',
      dateOfChange: 'Data modifica',
      estimatedValue: 'Valore stimato',
      chances: '% probabilità di successo',
      estimatedCloseDate: 'Data chiusura stimata',
      closeDateHint: 'Lasciare la data modifica per usare la formula data della fase.',
      cancelTasks: 'Impegni',
      cancelTasksOption: 'Annulla gli impegni aperti di questa opportunità',
      nothingPossible: (no: string) =>
        `${no} non può essere spostata: è chiusa oppure il suo ciclo di vendita non ha fasi. Codici chiusura e fasi si configurano come descritto in \`/opp help setup\`.`,
    },
    close: {
      title: (no: string) => `Chiudi ${no}`,
      submit: 'Chiudi',
      context: (no: string) => `La chiusura di *${no}* ne registra l’esito e la fa uscire dalla pipeline.`,
      /** Make Order on an open opportunity: it is closed as Won first (Business Central asks the same). */
      forOrderSubmit: 'Chiudi e crea ordine',
      forOrderContext: (no: string) =>
        `*${no}* è ancora aperta: la creazione dell’ordine la chiude prima come Vinta, con l’importo dell’offerta. Poi l’ordine viene creato dall’offerta.`,
      outcome: 'Esito',
      closeCode: 'Codice chiusura',
      chooseOutcomeFirst: 'Scegliere Vinta o Persa per vedere i codici chiusura corrispondenti.',
      noCodes: (outcome: string) =>
        `Non esiste ancora un codice chiusura per l’esito ${outcome}. Aggiungerne uno con \`/opp code add &lt;CODICE&gt; ${outcome.toLowerCase()} &lt;descrizione&gt;\`.`,
      closingDate: 'Data chiusura',
      salesAmount: 'Importo vendita',
      salesAmountFromQuote: (amount: string) =>
        `Come importo vendita viene usato l’importo dell’offerta collegata (${amount}).`,
      cancelTasks: 'Impegni',
      cancelTasksOption: 'Annulla gli impegni aperti di questa opportunità',
    },
    quote: {
      title: (no: string) => `Offerta per ${no}`,
      submit: 'Crea offerta',
      context: (no: string) => `Righe dell’offerta di vendita per *${no}*. Le righe lasciate vuote vengono ignorate.`,
      description: (i: number) => `Riga ${i} · descrizione`,
      quantity: (i: number) => `Riga ${i} · quantità`,
      unitPrice: (i: number) => `Riga ${i} · prezzo unitario`,
      discount: (i: number) => `Riga ${i} · % sconto`,
      total: (amount: string, lines: number) =>
        `*Totale:* ${amount} (${m('{lines, plural, one {# riga completa} many {# di righe complete} other {# righe complete}}', { lines })})`,
      maxLines: (max: number, no: string) =>
        `Questo modulo accetta fino a ${max} righe. Per inserirne di più, usare \`/opp quote ${no} line:"descrizione;quantità;prezzo"\`.`,
    },
    edit: {
      title: (no: string) => `Modifica ${no}`,
      submit: 'Salva',
      context: (no: string, status: string) => `*${no}* — ${status}. Fase e importi si modificano con Aggiorna.`,
      description: 'Descrizione',
      contact: 'Contatto',
      contactPlaceholder: 'Digitare un nome o un numero',
      contactStartedHint: 'Dopo l’avvio, il contatto può cambiare solo all’interno della stessa società.',
      salesperson: 'Agente',
      salespersonHint: 'Se la si assegna a un’altra persona, questa viene avvisata con un messaggio diretto.',
      priority: 'Priorità',
      closedHint: 'È chiusa: si può ancora modificare solo la descrizione.',
    },
    note: {
      title: 'Aggiungi nota',
      submit: 'Salva',
      context: (no: string, description: string) =>
        `Registra un’interazione su *${no}* ${description}, con la data di oggi. Compare nella cronologia della scheda e viene conteggiata in \`/opp stats ${no}\`.`,
      text: 'Nota',
      placeholder: 'es. Chiamato Paolo: vuole una seconda offerta entro venerdì',
    },
    salesCycle: {
      title: 'Ciclo di vendita',
      submit: 'Salva',
      code: 'Codice',
      codeHint: 'Fino a 10 lettere o cifre, es. FIRM.',
      description: 'Descrizione',
      calculation: 'Calcolo probabilità',
      blocked: 'Bloccato',
      blockedOption: 'Bloccato: le nuove opportunità non possono usarlo',
      editTitle: 'Modifica ciclo vendita',
      editAbout: (code: string) =>
        `Ciclo di vendita *${code}* (il codice resta; \`/opp cycle block\` lo blocca). Le opportunità mantengono la probabilità con cui sono stati registrati i loro movimenti; un nuovo calcolo si applica dalla loro prossima modifica.`,
    },
    stage: {
      title: 'Fase ciclo di vendita',
      submit: 'Salva',
      cycle: 'Ciclo di vendita',
      stageNo: 'Numero fase',
      stageNoHint: 'Le fasi sono ordinate per numero; i salti di numerazione sono ammessi (10, 20, 30).',
      description: 'Descrizione',
      completed: '% completato',
      chances: '% probabilità di successo',
      flags: 'Opzioni',
      quoteRequired: 'Offerta obbligatoria per accedervi',
      allowSkip: 'Può essere saltata',
      dateFormula: 'Formula data',
      dateFormulaHint: 'Propone la data chiusura, es. 10D, 2W, 1M o CM (fine mese).',
      activityCode: 'Codice attività',
      noCycles: 'Aggiungere prima un ciclo di vendita con `/opp cycle add`.',
      editTitle: 'Modifica fase',
      editAbout: (cycle: string, stage: number) =>
        `Fase *${stage}* del ciclo di vendita *${cycle}*. I movimenti già registrati mantengono valori e descrizione; le modifiche si applicano dal prossimo passaggio a questa fase o dal prossimo aggiornamento in essa.`,
    },
    closeCode: {
      title: 'Codice chiusura',
      submit: 'Salva',
      code: 'Codice',
      type: 'Usato quando un’opportunità è',
      description: 'Descrizione',
      editTitle: 'Modifica codice chiusura',
      editAbout: (code: string, type: string) =>
        `Codice chiusura *${code}* (${type}): codice e tipo restano, perché delle opportunità sono state chiuse con essi.`,
    },
    contact: {
      title: 'Nuovo contatto',
      submit: 'Salva',
      name: 'Nome',
      type: 'Tipo',
      company: 'Società',
      companyHint: 'Per una persona: la società per cui lavora.',
      companyPlaceholder: 'Digitare il nome di una società',
      email: 'E-mail',
      customer: 'Cliente',
      customerOption: 'Crea anche il cliente',
      editTitle: 'Modifica contatto',
      editAbout: (no: string, type: string) => `Contatto *${no}* (${type}).`,
      editCompanyHint:
        'Una persona che cambia società lascia a quella precedente le proprie opportunità, impegni, offerte e ordini presso di essa, come fa Business Central.',
      leaveCompany: 'Uscita dalla società',
      leaveCompanyOption: 'Non lavora più per una società',
      customerLinked: (no: string) => `Collegato al cliente ${no}.`,
      unlinkCustomerOption: 'Rimuovi il collegamento al cliente (solo se nessuna offerta o ordine usa il cliente)',
    },
  },

  errors: {
    required: 'Compilare questo campo.',
    pickOne: 'Scegliere una delle opzioni.',
    pickDate: 'Scegliere una data.',
    pickContact: 'Scegliere un contatto.',
    pickUser: 'Scegliere una persona.',
    pickOutcome: 'Scegliere Vinta o Persa.',
    pickCloseCode: 'Scegliere un codice chiusura.',
    tooLong: (max: number) => `Usare al massimo ${max} caratteri.`,
    amount: 'Inserire un importo come 12.000,50',
    amountAmbiguous: 'Scrivere 12000 o 12.000,00: un punto seguito da tre cifre è ambiguo.',
    amountDecimals: 'Usare al massimo 2 decimali.',
    amountRange: 'Inserire un importo compreso tra 0 e 999.999.999.999,99',
    otherCurrency: (text: string, currency: string) =>
      `${text} è scritto in un’altra valuta, mentre gli importi di quest’area di lavoro sono in ${currency}: scriverlo in ${currency} oppure senza simbolo di valuta.`,
    mustBePositive: 'Inserire un importo maggiore di 0.',
    percent: 'Inserire una percentuale compresa tra 0 e 100, come 40 o 12,5',
    percentPositive: 'Inserire una percentuale maggiore di 0.',
    percentWhole: 'Usare un numero intero compreso tra 0 e 100.',
    quantity: 'Inserire una quantità maggiore di 0, come 2 o 1,5',
    closeBeforeChange: 'La data chiusura non può essere precedente alla data modifica.',
    code: 'Usare da 1 a 10 lettere o cifre, senza spazi.',
    stageNo: 'Inserire un numero di fase intero pari o superiore a 1.',
    dateFormula: 'Usare termini come 10D, 2W, 1M, 1Q, 1Y o CM, uniti da + o -, es. 1M+CM.',
    email: 'Inserire un indirizzo e-mail come nome@example.com',
    noLines: 'Compilare almeno una riga.',
    companyOnlyForPerson: 'Solo una persona può appartenere a una società; per una società lasciare vuoto il campo.',
    customerNeedsCompany:
      'Un cliente viene creato da una società: scegliere la società oppure deselezionare "Crea anche il cliente".',
  },

  find: {
    title: (text: string) => `Opportunità corrispondenti a “${text}”`,
    severalTitle: (text: string) => `“${text}” corrisponde a più opportunità: sceglierne una`,
    fallback: (text: string, total: number) =>
      `${m('{n, plural, one {# opportunità corrispondente} many {# di opportunità corrispondenti} other {# opportunità corrispondenti}}', { n: total })} a “${text}”`,
    count: (from: number, to: number, total: number) =>
      from === 1 && to === total
        ? `${opportunities(total)}, dalle più pertinenti`
        : m(
            '{from}–{to} su {total, plural, one {# opportunità} many {# di opportunità} other {# opportunità}}, dalle più pertinenti',
            {
              from: String(from),
              to: String(to),
              total,
            },
          ),
    empty: (text: string) =>
      `Nessuna opportunità visibile corrisponde a “${text}”. Provare con meno parole o con parole diverse, oppure \`/opp list all\`.`,
    moreHint: 'Altre mostra le successive.',
    expired: 'Questa ricerca è scaduta: eseguire di nuovo `/opp find`.',
  },

  purge: {
    fallback: (n: number) =>
      m(
        'Eliminare {n, plural, one {# opportunità chiusa} many {# di opportunità chiuse} other {# opportunità chiuse}}?',
        { n },
      ),
    title: (n: number) =>
      m(
        '*{n, plural, one {Questa opportunità chiusa verrebbe eliminata} many {Queste # di opportunità chiuse verrebbero eliminate} other {Queste # opportunità chiuse verrebbero eliminate}}*, con la relativa cronologia:',
        { n },
      ),
    line: (no: string, description: string, status: string, closed: string | null) =>
      `• *${no}* ${description} · ${status}${closed ? ` · chiusura ${closed}` : ''}`,
    more: (n: number) => `…e altre ${n}.`,
    filter: (parts: string[]) =>
      parts.length === 0 ? 'Filtro: tutte le opportunità chiuse.' : `Filtro: ${parts.join(' · ')}.`,
    filterParts: {
      status: (s: string) => `stato ${s}`,
      closedBefore: (d: string) => `chiuse prima del giorno ${d}`,
      closedAfter: (d: string) => `chiuse dopo il giorno ${d}`,
      owner: (code: string) => `agente ${code}`,
      contact: (no: string) => `contatto ${no}`,
      cycle: (code: string) => `ciclo ${code}`,
      both: 'vinte o perse',
    },
    nothing: 'Nessuna opportunità chiusa corrisponde al filtro, quindi non verrebbe eliminato nulla.',
    warning: 'Gli impegni restano. L’operazione non può essere annullata.',
  },

  workspaceDelete: {
    fallback: 'Eliminare tutti i dati della pipeline di quest’area di lavoro?',
    text: (opportunities: number, contacts: number) =>
      `*Eliminare tutti i dati della pipeline di quest’area di lavoro?* ${m('{n, plural, one {# opportunità} many {# di opportunità} other {# opportunità}}', { n: opportunities })} con cronologia, offerte, ordini e impegni, ${m('{n, plural, one {# contatto} many {# di contatti} other {# contatti}}', { n: contacts })} e clienti, cicli di vendita, codici chiusura, attività, abbonamenti ai riepiloghi, ruoli e impostazioni.`,
    warning:
      'L’operazione non può essere annullata. L’app resta installata; le altre aree di lavoro non vengono modificate.',
  },

  setup: {
    edit: 'Modifica',
    cycles: {
      title: 'Cicli di vendita',
      moreCommand: '/opp cycle list',
      empty: 'Ancora nessun ciclo di vendita. Aggiungerne uno con `/opp cycle add FIRM Vendite dirette`.',
      line: (code: string, description: string, calc: string, stages: number, blocked: boolean) =>
        `*${code}* ${description} · ${m('{stages, plural, one {# fase} many {# di fasi} other {# fasi}}', { stages })} · ${calc}${blocked ? ' · :no_entry: bloccato' : ''}`,
    },
    stages: {
      edit: (stage: number) => `Modifica fase ${stage}`,
      title: (cycle: string) => `Fasi di ${cycle}`,
      empty: (code: string) =>
        `Il ciclo di vendita ${code} non ha ancora fasi. Aggiungerne una con \`/opp stage add ${code} 1 Qualificazione completed:10 chance:20\`.`,
      moreCommand: (code: string) => `/opp stage list ${code}`,
      columns: ['Fase', 'Descrizione', 'Compl.', 'Prob.', 'Offerta', 'Salta', 'Formula'],
      calculation: (calc: string) => `Probabilità: ${calc}`,
    },
    closeCodes: {
      title: 'Codici chiusura',
      moreCommand: '/opp code list',
      empty: 'Ancora nessun codice chiusura. Aggiungerne uno con `/opp code add WIN won Prezzo migliore`.',
      line: (code: string, type: string, description: string, uses: number) =>
        `*${code}* (${type}) ${description} · ${m('{uses, plural, =0 {mai usato} one {usato # volta} many {usato # di volte} other {usato # volte}}', { uses })}`,
    },
    contacts: {
      title: 'Contatti',
      empty: 'Nessun contatto trovato. Aggiungerne uno con `/opp contact add "Acme S.p.A." company`.',
      line: (no: string, name: string, type: string, company: string | null, customerNo: string | null) =>
        [`*${no}* ${name}`, type, company, customerNo ? `cliente ${customerNo}` : null]
          .filter((p): p is string => p !== null)
          .join(' · '),
      moreCommand: '/opp contact list &lt;testo di ricerca&gt;',
    },
  },

  replies: {
    error: (sentence: string) => `:warning: ${sentence}`,
    success: (sentence: string) => `:white_check_mark: ${sentence}`,
    notice: (sentence: string) => `:information_source: ${sentence}`,
  },
} as const;

export const ui = trusted(italian);
