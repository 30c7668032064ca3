// Italian sentences that confirm what a command did, and the channel announcements: the same keys and
// parameters as src/i18n/en/notices.ts.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('it');

interface ShownSettings {
  repsSeeOnlyOwn: boolean;
  repsAddContacts: boolean;
  currency: string;
  defaultSalesCycleCode: string | null;
  staleDays: number;
  language: string;
}
const italian = {
  cycleAdded: (code: string) =>
    `Ciclo di vendita ${code} aggiunto. Aggiungerne le fasi con \`/opp stage add ${code} &lt;n. fase&gt; &lt;descrizione&gt; completed:&lt;perc.&gt; chance:&lt;perc.&gt;\`.`,
  stageAdded: (cycle: string, stage: number) => `Fase ${stage} aggiunta al ciclo di vendita ${cycle}.`,
  codeAdded: (code: string, type: 'won' | 'lost') =>
    `Codice chiusura ${code} (${type === 'won' ? 'Vinta' : 'Persa'}) aggiunto.`,
  // ---- setup edits: each change reads "field before → after"; they are joined with "; "
  setupField: {
    description: 'descrizione',
    completed: '% completato',
    chances: '% probabilità di successo',
    quoteRequired: 'offerta obbligatoria',
    allowSkip: 'può essere saltata',
    dateFormula: 'formula data',
    activity: 'attività',
    calculation: 'calcolo probabilità',
    name: 'nome',
    company: 'società',
    customer: 'cliente',
  },
  setupChange: (field: string, before: string, after: string) => `${field} ${before} → ${after}`,
  setupNone: 'nessuno',
  quoted: (text: string) => `“${text}”`,
  setupUnchanged: 'Nessuna modifica: i valori erano già quelli.',
  cycleEdited: (code: string, changes: string, calculationChanged: boolean) =>
    `Ciclo di vendita ${code} modificato: ${changes}.${calculationChanged ? ' Le opportunità mantengono la probabilità con cui sono stati registrati i loro movimenti; il nuovo calcolo si applica dalla loro prossima modifica.' : ''}`,
  stageEdited: (cycle: string, stage: number, changes: string) =>
    `Fase ${stage} del ciclo di vendita ${cycle} modificata: ${changes}. I movimenti già registrati mantengono i loro valori; i nuovi valori si applicano dal prossimo passaggio a questa fase o dal prossimo aggiornamento in essa.`,
  codeEdited: (code: string, changes: string) => `Codice chiusura ${code} modificato: ${changes}.`,
  contactEdited: (name: string, no: string, changes: string, handedOver: number, oldCompany: string | null) =>
    `Contatto ${name} (${no}) modificato: ${changes}.` +
    (handedOver > 0 && oldCompany !== null
      ? m(
          ' {n, plural, one {# sua opportunità presso {company} resta} many {# di sue opportunità presso {company} restano} other {# sue opportunità presso {company} restano}} a {company}, che ne diventa il contatto (con cronologia, impegni, offerta e ordine), come in Business Central.',
          { n: handedOver, company: oldCompany },
        )
      : ''),
  cycleBlocked: (code: string, blocked: boolean) =>
    blocked
      ? `Il ciclo di vendita ${code} è bloccato: le nuove opportunità non possono usarlo; quelle che già lo usano proseguono come prima.`
      : `Il ciclo di vendita ${code} non è più bloccato: le nuove opportunità possono di nuovo usarlo.`,
  cycleDeleted: (code: string) => `Ciclo di vendita ${code} eliminato, insieme alle sue fasi.`,
  stageDeleted: (cycle: string, stage: number) => `Fase ${stage} eliminata dal ciclo di vendita ${cycle}.`,
  codeDeleted: (code: string) => `Codice chiusura ${code} eliminato.`,
  contactAdded: (name: string, no: string, customerNo: string | null) =>
    `Contatto ${name} (${no}) aggiunto${customerNo ? `, con il cliente ${customerNo}` : ''}.`,
  customerAdded: (name: string, no: string, created: boolean) =>
    created ? `Cliente ${no} creato per ${name}.` : `${name} è già il cliente ${no}.`,
  activityAdded: (code: string, steps: number) =>
    m('Attività {code} aggiunta con {steps, plural, one {# passaggio} many {# di passaggi} other {# passaggi}}.', {
      code,
      steps,
    }),
  activityList: (lines: string[]) =>
    lines.length
      ? `*Attività*\n${lines.join('\n')}`
      : 'Ancora nessuna attività. Aggiungerne una con `/opp activity add &lt;CODICE&gt; &lt;descrizione&gt; step:"Telefonata;1W"`.',
  activityLine: (code: string, description: string, steps: string) =>
    `• *${code}* ${description}${steps ? ` — ${steps}` : ''}`,
  created: (no: string) => `Opportunità ${no} creata.`,
  moved: (no: string) => `Opportunità ${no} aggiornata.`,
  /** The direct message a new salesperson gets when someone else gives them an opportunity. */
  reassignedToYou: (actor: string, no: string, description: string, from: string | null) =>
    `${actor} ha cambiato l’agente di *${no}* ${description}${from ? ` (prima era ${from})` : ''}: ora l’agente è Lei. \`/opp show ${no}\` la mostra.`,
  reassignedFallback: (no: string) => `Ora l’agente di ${no} è Lei.`,
  deleted: (no: string, description: string) =>
    `L’opportunità ${no} (${description}) e la relativa cronologia sono state eliminate.`,
  purged: (count: number) =>
    m(
      '{count, plural, one {# opportunità chiusa è stata eliminata} many {# di opportunità chiuse sono state eliminate} other {# opportunità chiuse sono state eliminate}}.',
      { count },
    ),
  purgeCancelled: 'Non è stato eliminato nulla.',
  purgeExpired:
    'Questa conferma è scaduta, quindi non è stato eliminato nulla. Eseguire di nuovo `/opp purge` per vedere cosa verrebbe eliminato.',
  wonAnnouncement: (person: string, no: string, description: string, amount: string) =>
    `:tada: ${person} ha vinto ${no} ${description} (${amount}).`,
  quoteAnnouncement: (person: string, quoteNo: string, no: string, description: string, amount: string) =>
    `:page_facing_up: ${person} ha creato l’offerta di vendita ${quoteNo} per ${no} ${description} (${amount}).`,
  orderAnnouncement: (person: string, orderNo: string, no: string, amount: string) =>
    `:package: ${person} ha creato l’ordine di vendita ${orderNo} dall’offerta di ${no} (${amount}).`,
  digestPosted: 'Il riepilogo della pipeline è pubblicato in questo canale.',
  digestDelayed: (reason: string) =>
    `Non è stato possibile pubblicare il riepilogo in questo momento (${reason}); verrà effettuato un nuovo tentativo a breve.`,
  digestRateLimited: 'Slack ha chiesto di rallentare',
  subscribed: (channel: string, schedule: string, next: string) =>
    `${channel} riceverà il riepilogo della pipeline ${schedule}. Il prossimo: ${next}.`,
  subscriptionReplaced: (channel: string, schedule: string, cycle: string | null) =>
    `Sostituisce il riepilogo che ${channel} riceveva ${schedule}${cycle ? ` (ciclo di vendita ${cycle})` : ''}: un canale ha una sola programmazione.`,
  unsubscribed: (channel: string) => `${channel} non riceverà più riepiloghi programmati.`,
  notSubscribed: (channel: string) => `${channel} non ha riepiloghi programmati, quindi non è cambiato nulla.`,
  noSubscriptions:
    'Nessun canale ha ancora un riepilogo programmato. Per avviarne uno: `/opp subscribe #canale weekly day:monday at:08:00`.',
  subscriptionsTitle: '*Riepiloghi programmati*',
  subscriptionLine: (channel: string, schedule: string, cycle: string | null, next: string) =>
    `• ${channel} ${schedule}${cycle ? ` (ciclo di vendita ${cycle})` : ''} — prossimo: ${next}`,
  scheduleDaily: (at: string, zone: string) => `ogni giorno alle ${at} (${zone})`,
  scheduleWeekly: (weekday: string, at: string, zone: string) => `ogni ${weekday} alle ${at} (${zone})`,
  scheduleMonthly: (day: number, at: string, zone: string) =>
    `ogni mese ${day >= 31 ? 'l’ultimo giorno' : `il giorno ${day}`} alle ${at} (${zone})`,
  weekdays: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  exported: (count: number) =>
    m(
      '{count, plural, one {# opportunità esportata} many {# di opportunità esportate} other {# opportunità esportate}}: il file CSV si trova nei messaggi diretti con l’app.',
      { count },
    ),
  exportSent: (count: number) =>
    m(
      'Esportazione richiesta: {count, plural, one {# opportunità} many {# di opportunità} other {# opportunità}}, in un file CSV.',
      { count },
    ),
  exportTitle: (date: string) => `Opportunità ${date}`,
  exportFailed:
    'Slack non ha accettato il file CSV in questo momento, quindi non ti è stato inviato nulla. Riprova l’esportazione tra un momento.',
  firstAdmin:
    'In quest’area di lavoro nessuno aveva ancora il ruolo di amministratore, quindi ora l’amministratore è Lei: configura cicli di vendita, codici e contatti e assegna i ruoli con `/opp role @utente admin|manager|rep` (vedere `/opp roles`).',
  roleGranted: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} è ora ${roleName(role)} in quest’area di lavoro.`,
  roleUnchanged: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} è già ${roleName(role)}, quindi non è cambiato nulla.`,
  /** Admins and managers as mentions. */
  roles: (admins: string[], managers: string[]) =>
    [
      '*Ruoli in quest’area di lavoro*',
      `Amministratori: ${mentions(admins)}`,
      `Manager: ${mentions(managers)}`,
      'Tutti gli altri sono agenti. Gli amministratori cambiano i ruoli con `/opp role @utente admin|manager|rep`.',
    ].join('\n'),
  settings: (s: ShownSettings) =>
    [
      '*Impostazioni di quest’area di lavoro*',
      `• Gli agenti vedono solo le proprie opportunità: ${s.repsSeeOnlyOwn ? 'sì' : 'no'} (\`reps-see-own:${s.repsSeeOnlyOwn ? 'no' : 'yes'}\` per cambiarlo)`,
      `• Agenti e manager aggiungono contatti: ${s.repsAddContacts ? 'sì' : 'no, solo gli amministratori'} (\`reps-add-contacts:${s.repsAddContacts ? 'no' : 'yes'}\` per cambiarlo)`,
      `• Valuta degli importi: ${s.currency} (ad esempio \`currency:EUR\`)`,
      `• Ciclo di vendita predefinito delle nuove opportunità: ${s.defaultSalesCycleCode ?? 'nessuno'} (\`default-cycle:&lt;CODICE&gt;\` o \`default-cycle:none\`)`,
      `• I riepiloghi considerano ferma un’opportunità dopo ${m('{n, plural, one {# giorno} many {# di giorni} other {# giorni}}', { n: s.staleDays })} senza modifiche (\`stale-days:&lt;giorni&gt;\`)`,
      `• Lingua dei messaggi nei canali: ${s.language} (\`language:it\`; un canale può sceglierne una propria con \`/opp language #canale it\`)`,
      'Gli amministratori le cambiano con `/opp setting &lt;chiave&gt;:&lt;valore&gt;`, anche più di una alla volta.',
    ].join('\n'),
  repsSeeOwnChanged: (repsSeeOnlyOwn: boolean) =>
    repsSeeOnlyOwn
      ? 'Ora gli agenti vedono solo le opportunità di cui sono l’agente; manager e amministratori continuano a vederle tutte.'
      : 'Ora gli agenti vedono di nuovo tutte le opportunità dell’area di lavoro (ma continuano a modificare solo le proprie).',
  repsAddContactsChanged: (repsAddContacts: boolean) =>
    repsAddContacts
      ? 'Ora agenti e manager possono aggiungere contatti (`/opp contact add`), così un nuovo potenziale cliente non deve aspettare un amministratore.'
      : 'Ora solo gli amministratori aggiungono contatti; agenti e manager scelgono tra i contatti esistenti.',
  languageChanged: (language: string) =>
    `I canali che non hanno scelto una lingua ricevono ora riepiloghi e annunci in ${language}.`,
  languageShown: (yours: string, chosen: boolean, channel: string | null, channelLanguage: string | null) =>
    [
      chosen
        ? `Le rispondo in ${yours}, come ha scelto (\`/opp language auto\` per seguire la lingua di Slack).`
        : `Le rispondo in ${yours}, la lingua del Suo Slack (ad esempio \`/opp language fr\` per sceglierne un’altra).`,
      channel && channelLanguage ? `Riepiloghi e annunci in ${channel} sono scritti in ${channelLanguage}.` : null,
      'Lingue: `en`, `fr`, `it`, `nb`, `zh`. Manager e amministratori scelgono quella di un canale con `/opp language #canale it`.',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  languageChosen: (language: string) => `D’ora in poi Le rispondo in ${language}.`,
  languageAuto: (language: string) => `Seguo di nuovo la lingua del Suo Slack: ${language}.`,
  channelLanguageChosen: (channel: string, language: string) =>
    `D’ora in poi riepiloghi e annunci in ${channel} saranno scritti in ${language}.`,
  channelLanguageAuto: (channel: string, language: string) =>
    `${channel} non ha più una lingua propria: riepiloghi e annunci seguono quella dell’area di lavoro, ${language}.`,
  currencyChanged: (currency: string) => `Ora gli importi sono espressi in ${currency}.`,
  defaultCycleChanged: (code: string | null) =>
    code === null
      ? 'Ora le nuove opportunità non hanno un ciclo di vendita predefinito: se ci sono più cicli, si sceglie di volta in volta.'
      : `Ora le nuove opportunità ricevono il ciclo di vendita ${code}, a meno che non se ne scelga un altro.`,
  staleDaysChanged: (days: number) =>
    m(
      'Ora i riepiloghi considerano ferma un’opportunità dopo {days, plural, one {# giorno} many {# di giorni} other {# giorni}} senza modifiche.',
      { days },
    ),
  workspaceDeleted: (opportunities: number, contacts: number) =>
    m(
      'Tutti i dati della pipeline di quest’area di lavoro sono stati eliminati: {opportunities, plural, one {# opportunità} many {# di opportunità} other {# opportunità}}, {contacts, plural, one {# contatto} many {# di contatti} other {# contatti}}, oltre a configurazione, abbonamenti, ruoli e impostazioni. Come in una nuova area di lavoro, la prossima persona che usa /opp ne diventa l’amministratore.',
      { opportunities, contacts },
    ),
  workspaceDeleteCancelled: 'Non è stato eliminato nulla.',
  workspaceDeleteExpired:
    'Questa conferma è scaduta o è già stata usata, quindi non è stato eliminato nulla. Eseguire di nuovo `/opp workspace delete` se si intende ancora procedere.',
  // ---- channel alerts (`/opp alert …`) and the messages they post
  alerts: {
    added: (id: number, channel: string, kinds: string, filters: string) =>
      `Avviso ${id}: ${channel} riceverà un messaggio quando le opportunità vengono ${kinds} (${filters}). Più modifiche di una stessa opportunità entro un minuto diventano un unico messaggio. Per disattivarlo: \`/opp alert remove ${id}\`.`,
    removed: (id: number, channel: string) =>
      `Avviso ${id} eliminato: ${channel} non riceverà più messaggi su queste modifiche.`,
    none: 'Nessun canale ha ancora avvisi. Crearne uno con `/opp alert #trattative won lost value:&gt;50k`.',
    title: '*Avvisi nei canali*',
    line: (id: number, channel: string, kinds: string, filters: string) =>
      `• *${id}* ${channel}: ${kinds} (${filters})`,
    lineDisabled: (id: number, channel: string, kinds: string, filters: string, since: string) =>
      `• *${id}* ${channel}: ${kinds} (${filters}) — disattivato dal ${since}: non posso più pubblicare in quel canale`,
    kinds: {
      created: 'create',
      stage: 'portate a un’altra fase',
      won: 'vinte',
      lost: 'perse',
      reassigned: 'assegnate a un altro agente',
    },
    kindSeparator: ', ',
    everyOpportunity: 'tutte le opportunità',
    valueAbove: (amount: string) => `valore superiore a ${amount}`,
    valueAtLeast: (amount: string) => `valore di almeno ${amount}`,
    valueBelow: (amount: string) => `valore inferiore a ${amount}`,
    valueAtMost: (amount: string) => `valore fino a ${amount}`,
    cycleFilter: (code: string) => `ciclo di vendita ${code}`,
    ownerFilter: (person: string) => `agente ${person}`,
    filterSeparator: ' · ',
    someone: 'Qualcuno',
    created: (person: string, no: string, description: string) => `:new: ${person} ha creato *${no}* ${description}.`,
    moved: (person: string, no: string, description: string, stage: string) =>
      `:arrow_right: ${person} ha portato *${no}* ${description} alla fase ${stage}.`,
    won: (person: string, no: string, description: string, amount: string) =>
      `:tada: ${person} ha chiuso *${no}* ${description} come vinta (${amount}).`,
    lost: (person: string, no: string, description: string, amount: string) =>
      `:x: ${person} ha chiuso *${no}* ${description} come persa (${amount}).`,
    reassigned: (person: string, no: string, description: string, to: string) =>
      `:bust_in_silhouette: ${person} ha assegnato *${no}* ${description} a ${to}.`,
    figures: (stage: string, value: string, weighted: string, closing: string, owner: string) =>
      `Fase: ${stage} · Valore stimato: ${value} · Ponderato: ${weighted} · Chiusura: ${closing} · Agente: ${owner}`,
    fallback: (no: string, description: string) => `Avviso pipeline: ${no} ${description}`,
    disabledForAdmins: (id: number, channel: string, reason: string) =>
      `L’avviso ${id} per ${channel} è disattivato: non posso più pubblicare in quel canale (Slack risponde \`${reason}\`; il canale è stato archiviato o eliminato, oppure non ne faccio più parte). Invitarmi di nuovo e reimpostare l’avviso con \`/opp alert\`, oppure eliminarlo con \`/opp alert remove ${id}\`.`,
  },
} as const;

export const notices = trusted(italian);

function roleName(role: 'admin' | 'manager' | 'rep'): string {
  return role === 'admin' ? 'amministratore' : role === 'manager' ? 'manager' : 'agente';
}

function mentions(people: string[]): string {
  return people.length === 0 ? 'nessuno' : people.join(', ');
}
