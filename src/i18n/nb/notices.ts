// Norwegian Bokmål sentences that confirm what a command did, and the channel announcements: the same keys
// and parameters as English's (src/i18n/en/notices.ts). Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('nb');

interface ShownSettings {
  repsSeeOnlyOwn: boolean;
  repsAddContacts: boolean;
  currency: string;
  defaultSalesCycleCode: string | null;
  staleDays: number;
  /** The workspace's language for channel posts, by name. */
  language: string;
}
const norwegian = {
  cycleAdded: (code: string) =>
    `Salgssyklus ${code} er lagt til. Legg til fasene med \`/opp stage add ${code} &lt;fasenr.&gt; &lt;beskrivelse&gt; completed:&lt;prosent&gt; chance:&lt;prosent&gt;\`.`,
  stageAdded: (cycle: string, stage: number) => `Fase ${stage} er lagt til i salgssyklus ${cycle}.`,
  codeAdded: (code: string, type: 'won' | 'lost') =>
    `Lukkekode ${code} (${type === 'won' ? 'Vunnet' : 'Tapt'}) er lagt til.`,
  // ---- setup edits: each change reads "field before → after"; they are joined with "; "
  setupField: {
    description: 'beskrivelse',
    completed: 'fullført',
    chances: 'sjanse for suksess',
    quoteRequired: 'krever tilbud',
    allowSkip: 'kan hoppes over',
    dateFormula: 'datoformel',
    activity: 'aktivitet',
    calculation: 'sannsynlighetsberegning',
    name: 'navn',
    company: 'firma',
    customer: 'kunde',
  },
  setupChange: (field: string, before: string, after: string) => `${field} ${before} → ${after}`,
  setupNone: 'ingen',
  quoted: (text: string) => `«${text}»`,
  setupUnchanged: 'Ingenting ble endret: verdiene var allerede slik.',
  cycleEdited: (code: string, changes: string, calculationChanged: boolean) =>
    `Salgssyklus ${code} er endret: ${changes}.${calculationChanged ? ' Salgsmulighetene beholder sannsynligheten postene deres ble laget med; den nye beregningen gjelder fra neste endring av hver av dem.' : ''}`,
  stageEdited: (cycle: string, stage: number, changes: string) =>
    `Fase ${stage} i salgssyklus ${cycle} er endret: ${changes}. Poster som allerede er laget, beholder tallene sine; de nye verdiene gjelder fra neste gang en salgsmulighet flyttes inn i eller oppdateres i denne fasen.`,
  codeEdited: (code: string, changes: string) => `Lukkekode ${code} er endret: ${changes}.`,
  contactEdited: (name: string, no: string, changes: string, handedOver: number, oldCompany: string | null) =>
    `Kontakten ${name} (${no}) er endret: ${changes}.` +
    (handedOver > 0 && oldCompany !== null
      ? m(
          ' {n, plural, one {# salgsmulighet} other {# salgsmuligheter}} som personen hadde hos {company}, blir værende hos {company}, som nå står som kontakt på dem (med historikk, oppgaver, tilbud og ordre), som i Business Central.',
          { n: handedOver, company: oldCompany },
        )
      : ''),
  cycleBlocked: (code: string, blocked: boolean) =>
    blocked
      ? `Salgssyklus ${code} er sperret: nye salgsmuligheter kan ikke bruke den; de som allerede bruker den, fortsetter som før.`
      : `Salgssyklus ${code} er ikke lenger sperret: nye salgsmuligheter kan bruke den igjen.`,
  cycleDeleted: (code: string) => `Salgssyklus ${code} er slettet, med fasene.`,
  stageDeleted: (cycle: string, stage: number) => `Fase ${stage} er slettet fra salgssyklus ${cycle}.`,
  codeDeleted: (code: string) => `Lukkekode ${code} er slettet.`,
  contactAdded: (name: string, no: string, customerNo: string | null) =>
    `Kontakten ${name} (${no}) er lagt til${customerNo ? `, med kunde ${customerNo}` : ''}.`,
  customerAdded: (name: string, no: string, created: boolean) =>
    created ? `Kunde ${no} er opprettet for ${name}.` : `${name} er allerede kunde ${no}.`,
  activityAdded: (code: string, steps: number) =>
    m('Aktivitet {code} er lagt til med {steps, plural, one {# trinn} other {# trinn}}.', { code, steps }),
  activityList: (lines: string[]) =>
    lines.length
      ? `*Aktiviteter*\n${lines.join('\n')}`
      : 'Ingen aktiviteter ennå. Legg til en med `/opp activity add &lt;KODE&gt; &lt;beskrivelse&gt; step:"Ring;1W"`.',
  activityLine: (code: string, description: string, steps: string) =>
    `• *${code}* ${description}${steps ? ` — ${steps}` : ''}`,
  created: (no: string) => `Salgsmulighet ${no} er opprettet.`,
  moved: (no: string) => `Salgsmulighet ${no} er oppdatert.`,
  /** The direct message a new salesperson gets when someone else gives them an opportunity. */
  reassignedToYou: (actor: string, no: string, description: string, from: string | null) =>
    `${actor} har gjort deg til selger for *${no}* ${description}${from ? ` (tidligere selger: ${from})` : ''}. \`/opp show ${no}\` viser den.`,
  reassignedFallback: (no: string) => `Du er nå selger for ${no}.`,
  deleted: (no: string, description: string) => `Salgsmulighet ${no} (${description}) og historikken er slettet.`,
  purged: (count: number) =>
    m('{count, plural, one {# lukket salgsmulighet} other {# lukkede salgsmuligheter}} ble slettet.', { count }),
  purgeCancelled: 'Ingenting ble slettet.',
  purgeExpired:
    'Denne bekreftelsen har utløpt, så ingenting ble slettet. Kjør `/opp purge` på nytt for å se hva som ville blitt slettet.',
  wonAnnouncement: (person: string, no: string, description: string, amount: string) =>
    `:tada: ${person} vant ${no} ${description} (${amount}).`,
  quoteAnnouncement: (person: string, quoteNo: string, no: string, description: string, amount: string) =>
    `:page_facing_up: ${person} opprettet salgstilbud ${quoteNo} for ${no} ${description} (${amount}).`,
  orderAnnouncement: (person: string, orderNo: string, no: string, amount: string) =>
    `:package: ${person} laget salgsordre ${orderNo} fra tilbudet for ${no} (${amount}).`,
  digestPosted: 'Pipelinesammendraget er publisert i denne kanalen.',
  digestDelayed: (reason: string) =>
    `Sammendraget kunne ikke publiseres akkurat nå (${reason}); jeg prøver igjen om litt.`,
  digestRateLimited: 'Slack ba oss sette ned farten',
  subscribed: (channel: string, schedule: string, next: string) =>
    `${channel} får pipelinesammendraget ${schedule}. Neste gang: ${next}.`,
  subscriptionReplaced: (channel: string, schedule: string, cycle: string | null) =>
    `Det erstatter sammendraget ${channel} hadde ${schedule}${cycle ? ` (salgssyklus ${cycle})` : ''}: en kanal har én tidsplan.`,
  unsubscribed: (channel: string) => `${channel} får ikke lenger planlagte sammendrag.`,
  notSubscribed: (channel: string) => `${channel} har ikke noe planlagt sammendrag, så ingenting ble endret.`,
  noSubscriptions:
    'Ingen kanal har planlagte sammendrag ennå. Start et med `/opp subscribe #kanal weekly day:monday at:08:00`.',
  subscriptionsTitle: '*Planlagte sammendrag*',
  subscriptionLine: (channel: string, schedule: string, cycle: string | null, next: string) =>
    `• ${channel} ${schedule}${cycle ? ` (salgssyklus ${cycle})` : ''} — neste ${next}`,
  scheduleDaily: (at: string, zone: string) => `hver dag kl. ${at} (${zone})`,
  scheduleWeekly: (weekday: string, at: string, zone: string) => `hver ${weekday} kl. ${at} (${zone})`,
  scheduleMonthly: (day: number, at: string, zone: string) =>
    `hver måned ${day >= 31 ? 'den siste dagen' : `den ${day}.`} kl. ${at} (${zone})`,
  weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  exported: (count: number) =>
    m(
      'Eksporterte {count, plural, one {# salgsmulighet} other {# salgsmuligheter}}: CSV-filen ligger i direktemeldingene dine med appen.',
      { count },
    ),
  exportSent: (count: number) =>
    m('Eksporten din: {count, plural, one {# salgsmulighet} other {# salgsmuligheter}}, som CSV-fil.', { count }),
  exportTitle: (date: string) => `Salgsmuligheter ${date}`,
  exportFailed:
    'Slack tok ikke imot CSV-filen akkurat nå, så ingenting ble sendt til deg. Kjør eksporten på nytt om et øyeblikk.',
  firstAdmin:
    'Ingen hadde administratorrollen i dette arbeidsområdet ennå, så nå er du administrator: du setter opp salgssykluser, koder og kontakter og gir folk roller med `/opp role @bruker admin|manager|rep` (se `/opp roles`).',
  roleGranted: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} er nå ${roleName(role)} i dette arbeidsområdet.`,
  roleUnchanged: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} er allerede ${roleName(role)}, så ingenting ble endret.`,
  /** Admins and managers as mentions. */
  roles: (admins: string[], managers: string[]) =>
    [
      '*Roller i dette arbeidsområdet*',
      `Administratorer: ${mentions(admins)}`,
      `Ledere: ${mentions(managers)}`,
      'Alle andre er salgsrepresentanter. Administratorer endrer roller med `/opp role @bruker admin|manager|rep`.',
    ].join('\n'),
  settings: (s: ShownSettings) =>
    [
      '*Innstillinger for dette arbeidsområdet*',
      `• Salgsrepresentanter ser bare sine egne salgsmuligheter: ${s.repsSeeOnlyOwn ? 'ja' : 'nei'} (\`reps-see-own:${s.repsSeeOnlyOwn ? 'no' : 'yes'}\` for å endre det)`,
      `• Salgsrepresentanter og ledere legger til kontakter: ${s.repsAddContacts ? 'ja' : 'nei, bare administratorer'} (\`reps-add-contacts:${s.repsAddContacts ? 'no' : 'yes'}\` for å endre det)`,
      `• Valuta for beløp: ${s.currency} (for eksempel \`currency:EUR\`)`,
      `• Standard salgssyklus for nye salgsmuligheter: ${s.defaultSalesCycleCode ?? 'ingen'} (\`default-cycle:&lt;KODE&gt;\` eller \`default-cycle:none\`)`,
      `• Sammendrag regner en salgsmulighet som inaktiv etter ${m('{n, plural, one {# dag} other {# dager}}', { n: s.staleDays })} uten endring (\`stale-days:&lt;dager&gt;\`)`,
      `• Språk for innlegg i kanaler: ${s.language} (\`language:nb\`; en kanal kan velge sitt eget med \`/opp language #kanal nb\`)`,
      'Administratorer endrer dem med `/opp setting &lt;nøkkel&gt;:&lt;verdi&gt;`, gjerne flere samtidig.',
    ].join('\n'),
  repsSeeOwnChanged: (repsSeeOnlyOwn: boolean) =>
    repsSeeOnlyOwn
      ? 'Salgsrepresentanter ser nå bare salgsmulighetene der de selv er selger; ledere og administratorer ser fortsatt alle.'
      : 'Salgsrepresentanter ser nå igjen alle salgsmulighetene i arbeidsområdet (de endrer fortsatt bare sine egne).',
  repsAddContactsChanged: (repsAddContacts: boolean) =>
    repsAddContacts
      ? 'Salgsrepresentanter og ledere kan nå legge til kontakter (`/opp contact add`), så en ny potensiell kunde slipper å vente på en administrator.'
      : 'Nå er det bare administratorer som legger til kontakter; salgsrepresentanter og ledere velger blant kontaktene som finnes.',
  languageChanged: (language: string) =>
    `Kanaler som ikke har valgt eget språk, får nå sammendrag og kunngjøringer på ${language}.`,
  /** `/opp language`: what is in force for the person and, in a channel, for its posts. */
  languageShown: (yours: string, chosen: boolean, channel: string | null, channelLanguage: string | null) =>
    [
      chosen
        ? `Jeg svarer deg på ${yours}, som du har valgt (\`/opp language auto\` for å følge språket i Slack).`
        : `Jeg svarer deg på ${yours}, språket ditt i Slack (for eksempel \`/opp language en\` for å velge et annet).`,
      channel && channelLanguage ? `Sammendrag og kunngjøringer i ${channel} skrives på ${channelLanguage}.` : null,
      'Språk: `en`, `fr`, `it`, `nb`, `zh`. Ledere og administratorer velger språket for en kanal med `/opp language #kanal nb`.',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  languageChosen: (language: string) => `Fra nå av svarer jeg deg på ${language}.`,
  languageAuto: (language: string) => `Jeg følger språket ditt i Slack igjen: ${language}.`,
  channelLanguageChosen: (channel: string, language: string) =>
    `Sammendrag og kunngjøringer i ${channel} skrives nå på ${language}.`,
  channelLanguageAuto: (channel: string, language: string) =>
    `${channel} har ikke lenger eget språk: sammendragene og kunngjøringene følger arbeidsområdets språk, ${language}.`,
  currencyChanged: (currency: string) => `Beløp vises nå i ${currency}.`,
  defaultCycleChanged: (code: string | null) =>
    code === null
      ? 'Nye salgsmuligheter har ikke lenger noen standard salgssyklus: finnes det flere sykluser, velger man én.'
      : `Nye salgsmuligheter får nå salgssyklus ${code} med mindre en annen velges.`,
  staleDaysChanged: (days: number) =>
    m(
      'Sammendrag regner nå en salgsmulighet som inaktiv etter {days, plural, one {# dag} other {# dager}} uten endring.',
      { days },
    ),
  workspaceDeleted: (opportunities: number, contacts: number) =>
    m(
      'Alle pipelinedata i dette arbeidsområdet er slettet: {opportunities, plural, one {# salgsmulighet} other {# salgsmuligheter}}, {contacts, plural, one {# kontakt} other {# kontakter}}, i tillegg til oppsettet, abonnementene, rollene og innstillingene. Som i et nytt arbeidsområde blir den neste som bruker /opp, administrator.',
      { opportunities, contacts },
    ),
  workspaceDeleteCancelled: 'Ingenting ble slettet.',
  workspaceDeleteExpired:
    'Denne bekreftelsen har utløpt eller er allerede brukt, så ingenting ble slettet. Kjør `/opp workspace delete` på nytt hvis du fortsatt vil det.',
  // ---- channel alerts (`/opp alert …`) and the messages they post
  alerts: {
    added: (id: number, channel: string, kinds: string, filters: string) =>
      `Kanalvarsel ${id}: ${channel} får beskjed når salgsmuligheter blir ${kinds} (${filters}). Flere endringer av én salgsmulighet innen ett minutt blir én melding. \`/opp alert remove ${id}\` avslutter varselet.`,
    removed: (id: number, channel: string) =>
      `Kanalvarsel ${id} er fjernet: ${channel} får ikke lenger beskjed om disse endringene.`,
    none: 'Ingen kanal har varsler ennå. Sett opp det første med `/opp alert #avtaler won lost value:&gt;50k`.',
    title: '*Kanalvarsler*',
    line: (id: number, channel: string, kinds: string, filters: string) =>
      `• *${id}* ${channel}: ${kinds} (${filters})`,
    lineDisabled: (id: number, channel: string, kinds: string, filters: string, since: string) =>
      `• *${id}* ${channel}: ${kinds} (${filters}) — slått av siden ${since}: jeg kan ikke lenger legge ut meldinger der`,
    kinds: {
      created: 'opprettet',
      stage: 'flyttet til en annen fase',
      won: 'vunnet',
      lost: 'tapt',
      reassigned: 'tildelt en ny selger',
    },
    kindSeparator: ', ',
    everyOpportunity: 'alle salgsmuligheter',
    valueAbove: (amount: string) => `verdi over ${amount}`,
    valueAtLeast: (amount: string) => `verdi på minst ${amount}`,
    valueBelow: (amount: string) => `verdi under ${amount}`,
    valueAtMost: (amount: string) => `verdi på høyst ${amount}`,
    cycleFilter: (code: string) => `salgssyklus ${code}`,
    ownerFilter: (person: string) => `selger ${person}`,
    filterSeparator: ' · ',
    someone: 'Noen',
    created: (person: string, no: string, description: string) => `:new: ${person} opprettet *${no}* ${description}.`,
    moved: (person: string, no: string, description: string, stage: string) =>
      `:arrow_right: ${person} flyttet *${no}* ${description} til fase ${stage}.`,
    won: (person: string, no: string, description: string, amount: string) =>
      `:tada: ${person} lukket *${no}* ${description} som Vunnet (${amount}).`,
    lost: (person: string, no: string, description: string, amount: string) =>
      `:x: ${person} lukket *${no}* ${description} som Tapt (${amount}).`,
    reassigned: (person: string, no: string, description: string, to: string) =>
      `:bust_in_silhouette: ${person} endret selger for *${no}* ${description} til ${to}.`,
    figures: (stage: string, value: string, weighted: string, closing: string, owner: string) =>
      `Fase: ${stage} · Verdi: ${value} · Vektet: ${weighted} · Sluttdato: ${closing} · Selger: ${owner}`,
    fallback: (no: string, description: string) => `Pipelinevarsel: ${no} ${description}`,
    disabledForAdmins: (id: number, channel: string, reason: string) =>
      `Kanalvarsel ${id} for ${channel} er slått av: jeg kan ikke lenger legge ut meldinger der (Slack svarer \`${reason}\`; kanalen ble arkivert eller slettet, eller jeg ble fjernet fra den). Inviter meg tilbake og sett det opp på nytt med \`/opp alert\`, eller fjern det med \`/opp alert remove ${id}\`.`,
  },
} as const;

export const notices = trusted(norwegian);

function roleName(role: 'admin' | 'manager' | 'rep'): string {
  return role === 'admin' ? 'administrator' : role === 'manager' ? 'leder' : 'salgsrepresentant';
}

function mentions(people: string[]): string {
  return people.length === 0 ? 'ingen' : people.join(', ');
}
