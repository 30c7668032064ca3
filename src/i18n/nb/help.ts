// The Norwegian Bokmål help of `/opp` (`/opp help`, `/opp help <topic>`): the same topics as
// src/i18n/en/help.ts. Plain text: the help is escaped as a whole where it is shown
// (src/slack/grammar/help.ts), so placeholders like `<kommando>` are written raw here. Subcommands and keys
// stay English; the values in the examples are Norwegian (dates, amounts, ja/nei, vunnet/tapt), as a
// Norwegian reader's values are read. Each example must parse. Part of the one catalogue.

const norwegian = {
  overview: {
    title: '*Kommandoer i `/opp`* — `OP00012` er et salgsmulighetsnummer; `@ann` og `#salg` er omtaler.',
    /** Sections of example commands; one line each, several commands on a line joined with " · ". */
    sections: [
      {
        title: '*Oppsett* (også som `/opp setup …`)',
        lines: [
          ['cycle add FIRM Faste salgsmuligheter calc:multiply'],
          ['stage add {cycle} 1 Første kontakt completed:10 chance:20 formula:1W'],
          ['code add PRICE vunnet Beste pris'],
          ['contact add "Acme AS" company customer:ja'],
          ['customer add Acme AS'],
          ['activity add PRES Presentasjon step:"Avtal møte;0D"'],
          ['role @ann manager'],
          [
            { example: 'cycle list', note: '(administratorer: en Rediger-knapp på hver rad)' },
            'stage list {cycle}',
            'code list',
            'contact list acme',
          ],
          ['activity list', 'roles'],
          [
            { example: 'stage edit {cycle} {stage}', note: '(skjemaet, forhåndsutfylt)' },
            'stage edit {cycle} {stage} chance:35',
          ],
          [
            'cycle edit {cycle} calc:add',
            'code edit {won} description:"Beste pris"',
            'contact edit Ann Lee company:none',
          ],
          ['setting reps-see-own:ja', 'setting reps-add-contacts:nei'],
          [{ example: 'workspace delete', note: '(ber om bekreftelse)' }],
        ],
      },
      {
        title: '*Salgsmuligheter*',
        lines: [
          [{ example: 'new', note: '(åpner skjemaet)' }],
          ['new Nytt nettsted contact:"Acme AS" value:12 000 chance:40 close:slutten av neste måned'],
          ['list all status:vunnet'],
          ['show OP00012', 'show Nytt nettsted', 'find acme nettsted'],
          ['edit OP00012 owner:@ann priority:high', { example: 'edit OP00012', note: '(åpner skjemaet)' }],
          ['note OP00012 Ringte Kari: vil ha et nytt tilbud innen fredag'],
          ['next OP00012 chance:60 close:om 30 dager'],
          ['previous OP00012', 'move OP00012', 'order OP00012', 'delete OP00012'],
          ['skip OP00012 to:4', 'jump OP00012 to:2'],
          ['update OP00012 value:14 500 close:neste fredag'],
          ['close OP00012 vunnet code:{won} amount:11 500'],
          ['quote OP00012 line:"Lisenser;10;1200;5"', 'quote OP00012'],
          ['tasks', 'tasks @ann'],
          ['purge status:tapt closed-before:2025-01-01'],
        ],
      },
      {
        title: '*Pipeline*',
        lines: [
          ['digest cycle:{cycle}'],
          ['stats OP00012', 'stats cycle:{cycle}'],
          ['export all status:all'],
          ['subscribe #salg weekly at:09:00 day:monday tz:Europe/Oslo'],
          ['unsubscribe #salg', 'subscriptions'],
          ['alert #avtaler won lost value:>50k', 'alerts', 'alert remove 3'],
          ['language nb', 'language #salg en'],
          ['notify', 'notify mute OP00012'],
        ],
      },
    ],
    details:
      'Detaljer: `/opp help <kommando>`, f.eks. `/opp help close`; se også `/opp help dates`, `/opp help amounts` og `/opp help keys`.',
  },
  /** A topic's first line: its title (a guide's own, or the command) and what it is about. */
  heading: (title: string, summary: string) => `*${title}*: ${summary}`,
  examplesTitle: 'Eksempler:',
  /**
   * The placeholders of the usage lines (`<stage no>`, `[search text]`), by their English name: shown in
   * help and in the sentence for a missing argument. Codes in capitals (`<CODE>`) stay as they are.
   */
  placeholders: {
    no: 'nr.',
    description: 'beskrivelse',
    pct: 'prosent',
    date: 'dato',
    contact: 'kontakt',
    'stage no': 'fasenr.',
    amount: 'beløp',
    'date of change': 'endringsdato',
    code: 'kode',
    weekday: 'ukedag',
    'unit price': 'enhetspris',
    'sales amount': 'salgsbeløp',
    quantity: 'antall',
    name: 'navn',
    'discount %': 'rabatt %',
    days: 'dager',
    'date formula': 'datoformel',
    'company name or no.': 'firmanavn eller nr.',
    'closing date': 'sluttdato',
    address: 'adresse',
    'IANA zone': 'IANA-sone',
    'search text': 'søketekst',
    text: 'tekst',
    words: 'ord',
    'won code': 'lukkekode vunnet',
  },
  /**
   * One entry per help topic (the grammar's HELP_TOPICS): what it is about, `/opp …` examples (without
   * the `/opp `; `@ann` stands for a user mention, `#salg` for a channel), notes, and a title for the
   * topics that are guides rather than commands.
   */
  topics: {
    setup: {
      title: 'Oppsett',
      summary:
        'Sett opp salgssykluser, faser, lukkekoder, kontakter, aktiviteter og roller. Alle oppsettkommandoer virker også som `/opp setup …`.',
      examples: [
        'cycle add FIRM Faste salgsmuligheter calc:multiply',
        'setup stage add {cycle} 1 Første kontakt completed:10 chance:20',
      ],
    },
    cycle: {
      summary: 'En salgssyklus samler fasene en salgsmulighet går gjennom.',
      examples: [
        'cycle add FIRM Faste salgsmuligheter calc:multiply',
        'cycle add EXIST Eksisterende kunder blocked:nei',
        'cycle edit {cycle}',
        'cycle edit {cycle} description:"Faste ordrer" calc:add',
        'cycle block EXIST',
        'cycle delete TEST',
      ],
      notes: [
        '`calc:` sier hvordan sannsynligheten beregnes: `multiply`, `add`, `chances` (sjanse for suksess %) eller `completed` (fullført %).',
        'En sperret syklus tar ikke imot nye salgsmuligheter; de som bruker den, fortsetter. En syklus kan bare slettes når ingen salgsmulighet bruker den: sperr den i stedet.',
        '`cycle edit` (administratorer) endrer beskrivelsen og beregningen der de er (uten nøkler: skjemaet, forhåndsutfylt); poster som allerede er laget, beholder sannsynligheten sin, og den nye beregningen gjelder fra neste endring av hver salgsmulighet.',
      ],
    },
    stage: {
      summary: 'Fasene i en salgssyklus, i rekkefølge.',
      examples: [
        'stage add {cycle} 1 Første kontakt completed:10 chance:20 formula:1W',
        'stage add {cycle} 2 Presentasjon completed:40 % chance:40 quote:ja activity:PRES',
        'stage edit {cycle} {stage}',
        'stage edit {cycle} {stage} chance:35 formula:2W skip:nei activity:none',
        'stage delete {cycle} 2',
      ],
      notes: [
        'En fase kan bare slettes når ingen åpen salgsmulighet er i den. Datoformler: D (dager), W (uker), M (måneder), Q (kvartaler), Y (år), CM (slutten av måneden).',
        '`stage edit` (administratorer) endrer en fase der den er: beskrivelse, fullført %, sjanse for suksess, `quote:`, `skip:`, `formula:` og `activity:` (`none` tømmer de to siste); uten nøkler åpnes skjemaet, forhåndsutfylt. Som i Business Central beholder poster som allerede er laget, tallene sine; de nye verdiene gjelder fra neste gang en salgsmulighet flyttes inn i eller oppdateres i fasen.',
      ],
    },
    code: {
      summary: 'En lukkekode forteller hvorfor en salgsmulighet ble vunnet eller tapt.',
      examples: [
        'code add PRICE vunnet Beste pris',
        'code add COMP tapt Tapt til en konkurrent',
        'code edit {lost} description:"Tapt til en rival"',
        'code delete COMP',
      ],
      notes: [
        'En lukkekode kan bare slettes hvis ingen salgsmulighet er lukket med den.',
        '`code edit` (administratorer) endrer beskrivelsen (uten nøkler: skjemaet); koden og typen beholdes.',
      ],
    },
    contact: {
      summary: 'En kontakt er et firma eller en person; en person kan høre til et firma.',
      examples: [
        'contact add "Acme AS" company customer:ja',
        'contact add Ann Lee person company:"Acme AS" email:ann@acme.no',
        'contact edit Ann Lee',
        'contact edit Ann Lee name:"Ann Lee-Hansen" company:"Contoso"',
        'contact edit Acme AS customer:ja',
      ],
      notes: [
        'Alle legger til kontakter med mindre en administrator forbeholder det administratorer (`/opp setting reps-add-contacts:nei`); å gjøre en kontakt til kunde er opp til en administrator.',
        '`contact edit` (administratorer) endrer navnet, firmaet til en person (`company:none` for å forlate det) og kundekoblingen (`customer:ja` lager en, `customer:nei` fjerner en som ingen tilbud eller ordre bruker); uten nøkler åpnes skjemaet. En person som forlater et firma, lar salgsmulighetene sine der bli igjen hos det firmaet, som blir kontakten for dem, som i Business Central.',
      ],
    },
    customer: {
      summary: 'Lager en kunde av en firmakontakt.',
      examples: ['customer add Acme AS', 'setup customer add CT000012'],
    },
    activity: {
      summary: 'En aktivitet er et sett med oppfølgingstrinn som en fase kan opprette; hvert trinn har en datoformel.',
      examples: ['activity add PRES Presentasjon step:"Avtal møte;0D" step:"Send oppfølging;1W"', 'activity list'],
    },
    role: {
      summary: 'Gir en person en rolle i dette arbeidsområdet (bare administratorer).',
      examples: ['role @ann manager', 'role @ann rep'],
      notes: [
        '*admin* (administrator): oppsett (sykluser, faser, koder, kontakter, aktiviteter), purge, roller, innstillinger, sletting av arbeidsområdet.',
        '*manager* (leder): alle salgsmuligheter i arbeidsområdet, sammendrag og abonnementer.',
        '*rep* (salgsrepresentant; alle uten rolle): oppretter salgsmuligheter og endrer dem der de selv er selger.',
        'Den første som bruker `/opp` i et arbeidsområde uten administrator, blir administrator. Et arbeidsområde har alltid minst én administrator.',
      ],
    },
    roles: {
      summary: 'Viser administratorene og lederne; alle andre er salgsrepresentanter.',
      examples: ['roles', 'setup roles'],
    },
    setting: {
      summary: 'Viser innstillingene for arbeidsområdet, eller endrer dem (bare administratorer).',
      examples: [
        'setting',
        'setting reps-see-own:ja',
        'setting reps-add-contacts:nei',
        'setting currency:NOK default-cycle:{cycle} stale-days:21',
      ],
      notes: [
        '`reps-see-own:ja`: salgsrepresentanter ser bare salgsmulighetene der de selv er selger; ledere og administratorer ser fortsatt alle.',
        '`reps-add-contacts:nei`: bare administratorer legger til kontakter (`ja`, standardverdien: alle gjør det, så en ny potensiell kunde slipper å vente på en administrator).',
        '`currency:` er koden på tre bokstaver for valutaen beløp vises i (USD i utgangspunktet).',
        '`default-cycle:` er salgssyklusen nye salgsmuligheter får når ingen er valgt (`none` for å la folk velge).',
        '`stale-days:` er hvor lenge en åpen salgsmulighet kan stå uten endring før sammendragene viser den som inaktiv (14 i utgangspunktet).',
        '`language:` er språket for innlegg i kanaler som ikke har valgt eget språk (`en` i utgangspunktet; se `/opp help language`).',
      ],
    },
    language: {
      summary:
        'Velger språket jeg svarer deg på, eller (ledere og administratorer) språket for sammendrag og kunngjøringer i en kanal.',
      examples: ['language', 'language nb', 'language en', 'language auto', 'language #salg nb'],
      notes: [
        'Språk: `en` engelsk, `fr` fransk, `it` italiensk, `nb` norsk (bokmål), `zh` kinesisk (forenklet). `auto` følger språket ditt i Slack igjen.',
        'Kommandoene er de samme på alle språk; datoer og beløp du skriver, leses på ditt språk.',
        'En kanal uten eget språk får arbeidsområdets (`/opp setting language:nb`), ellers engelsk.',
      ],
    },
    workspace: {
      summary: 'Sletter alle dataene i dette arbeidsområdet (ber om bekreftelse først).',
      examples: ['workspace delete', 'setup workspace delete'],
    },
    new: {
      summary: 'Oppretter en salgsmulighet. Uten noe etter `new` åpnes skjemaet for ny salgsmulighet.',
      examples: [
        'new Nytt nettsted contact:"Acme AS" value:12 000 chance:40 close:slutten av neste måned',
        'new CRM-lisenser contact:Acme value:25000 chance:25 % close:15. des cycle:{cycle} owner:@ann priority:high',
      ],
    },
    list: {
      summary:
        'Viser salgsmuligheter: dine og de åpne, med mindre du velger noe annet. Et firma (`contact:`) tar med personene sine; en lang liste har en Flere-knapp, og totalene vises per status.',
      examples: ['list all status:vunnet', 'list @ann contact:Acme cycle:{cycle}', 'list Nytt nettsted'],
      notes: [
        'Et navn i stedet for `mine`, `all` eller `@bruker` virker som i `show`: `list Nytt nettsted` viser den ene salgsmuligheten der beskrivelsen, kontakten eller firmaet har alle ordene, lister opp kandidatene når flere gjør det, og viser til `/opp find` når ingen gjør det. Et navn brukes uten filtre; et nummer (`list OP00012`) viser den salgsmuligheten.',
      ],
    },
    show: {
      summary:
        'Viser én salgsmulighet: etter nummeret, eller etter ord fra beskrivelsen, kontakten eller firmaet (passer ordene på flere, velger du én).',
      subcommands: ['show'],
      examples: ['show OP00012', 'show op00012', 'show Nytt nettsted'],
    },
    edit: {
      summary:
        'Endrer beskrivelsen, kontakten, selgeren eller prioriteten for en salgsmulighet. Uten nøkler åpnes Rediger-skjemaet, utfylt med de nåværende verdiene.',
      examples: [
        'edit OP00012',
        'edit OP00012 owner:@ann priority:high',
        'edit OP00012 description:"Nytt nettsted, fase 2" contact:"Kari Nordmann"',
      ],
      notes: [
        'Når en salgsmulighet er startet, kan kontakten bare byttes innenfor samme firma. En lukket salgsmulighet beholder alt unntatt beskrivelsen.',
        'Salgsrepresentanter redigerer sine egne salgsmuligheter og kan ikke gi dem til andre; ledere kan (`owner:`), og den nye selgeren får beskjed i en direktemelding.',
        'Hver redigering vises i kortets historikk: hvem, når og hva som ble endret fra hva til hva.',
      ],
    },
    note: {
      summary:
        'Registrerer en interaksjon på en salgsmulighet (en samtale, et møte, hva som ble avtalt), datert i dag. Uten tekst åpnes skjemaet Legg til notat.',
      examples: ['note OP00012 Ringte Kari: vil ha et nytt tilbud innen fredag', 'note OP00012'],
      notes: ['Notater vises i kortets historikk og telles som interaksjoner i `/opp stats OP00012`.'],
    },
    find: {
      summary:
        'Finner salgsmuligheter etter ord fra beskrivelsen, kontakten eller firmaet, uansett store eller små bokstaver og aksenter («sorensen» finner Sørensen); de beste treffene kommer først, med en Flere-knapp for de neste.',
      examples: ['find acme', 'find nytt nettsted', 'find sorensen'],
      notes: [
        'Du finner de salgsmulighetene du har lov til å se (bare dine egne når salgsrepresentanter bare ser sine egne).',
      ],
    },
    next: {
      summary: 'Flytter en salgsmulighet til neste fase, og endrer eventuelt verdi, sjanse eller sluttdato.',
      examples: ['next OP00012', 'next OP00012 chance:60 close:om 30 dager'],
    },
    previous: {
      summary: 'Flytter en salgsmulighet tilbake til forrige fase.',
      examples: ['previous OP00012', 'previous OP00012 date:i går'],
    },
    skip: {
      summary: 'Hopper over faser frem til en senere fase (fasene imellom må kunne hoppes over).',
      examples: ['skip OP00012 to:4', 'skip OP00012 to:4 value:15 000'],
    },
    jump: {
      summary: 'Hopper til en hvilken som helst fase, fremover eller tilbake.',
      examples: ['jump OP00012 to:2', 'jump OP00012 to:5 close:slutten av kvartalet'],
    },
    update: {
      summary: 'Endrer verdi, sjanse eller sluttdato uten å endre fase.',
      examples: ['update OP00012 value:14 500', 'update OP00012 chance:70 close:neste fredag'],
    },
    move: {
      summary: 'Åpner skjemaet for å oppdatere salgsmuligheten.',
      examples: ['move OP00012', 'move op00012'],
    },
    close: {
      summary: 'Lukker en salgsmulighet som vunnet eller tapt. Med bare nummeret åpnes skjemaet for lukking.',
      examples: ['close OP00012 vunnet code:{won} amount:11 500 date:i dag', 'close OP00012 tapt code:{lost}'],
    },
    quote: {
      summary:
        'Oppretter et salgstilbud for en salgsmulighet. Med bare nummeret vises det tilknyttede tilbudet med linjene og totalen, eller skjemaet for tilbudet åpnes hvis det ikke finnes noe.',
      examples: ['quote OP00012 line:"Lisenser;10;1200;5" line:"Opplæring;1;3000"', 'quote OP00012'],
      notes: [
        'Hver `line:` skrives `beskrivelse;antall;enhetspris`, med en valgfri `;rabatt %` (høyst 100 linjer).',
        'Det viste tilbudet har *Rediger linjer* (til ordren er laget) og *Erstatt tilbud* (mens salgsmuligheten er i gang: det gamle tilbudet beholdes, men mister koblingen, som i Business Central). Kortet har også *Vis tilbud*.',
      ],
    },
    tasks: {
      summary:
        'Viser de åpne oppgavene dine (dem aktivitetene i fasene i en salgssyklus oppretter), tidligste frist først, med knappene *Ferdig* og *Utsett*. Ledere og administratorer kan vise en annen persons oppgaver.',
      examples: ['tasks', 'tasks @ann'],
      notes: [
        'Hver oppgave vises også på kortet til salgsmuligheten sin og under *Mine oppgaver* i App Home. *Utsett* ber om en senere dato, skrevet slik du sier den (`neste fredag`, `om 3 dager`).',
        'På fristdagen får eieren en direktemelding kl. 09.00 i sin egen tidssone i Slack, én gang (en påminnelse som er mer enn en uke forsinket, sendes ikke).',
      ],
    },
    order: {
      summary:
        'Lager salgsordren fra det tilknyttede tilbudet. En åpen salgsmulighet lukkes først som Vunnet: `code:` angir lukkekoden for Vunnet, ellers åpnes skjemaet Lukk salgsmulighet, satt til Vunnet med tilbudsbeløpet.',
      examples: ['order OP00012', 'order OP00012 code:{won}'],
    },
    delete: {
      summary: 'Sletter én salgsmulighet.',
      examples: ['delete OP00012', 'delete op00012'],
    },
    purge: {
      summary: 'Sletter lukkede salgsmuligheter samlet: viser hva som vil bli slettet, og ber deretter om bekreftelse.',
      examples: [
        'purge status:tapt closed-before:2025-01-01',
        'purge closed-after:2024-01-01 closed-before:slutten av forrige år owner:@ann',
      ],
    },
    digest: {
      summary: 'Publiserer pipelinesammendraget i denne kanalen.',
      examples: ['digest', 'digest cycle:{cycle} owner:@ann'],
    },
    stats: {
      summary: 'Statistikk for én salgsmulighet eller én salgssyklus.',
      examples: ['stats OP00012', 'stats cycle:{cycle}'],
    },
    export: {
      summary:
        'Sender deg en CSV-fil med salgsmuligheter i en direktemelding; tar de samme filtrene som `list`. Uten `mine`, `all` eller `@bruker` får ledere og administratorer hele pipelinen, salgsrepresentanter sine egne. Høyst 100 000 salgsmuligheter, de første etter nummer.',
      examples: ['export all status:all', 'export @ann cycle:{cycle}'],
    },
    subscribe: {
      summary:
        'Publiserer sammendraget i en kanal etter en tidsplan. `day:` (monday til sunday) gjelder bare ukentlige sammendrag (weekly).',
      examples: ['subscribe #salg weekly at:09:00 day:monday tz:Europe/Oslo', 'subscribe #salg daily cycle:{cycle}'],
    },
    unsubscribe: {
      summary: 'Stopper sammendraget i en kanal.',
      examples: ['unsubscribe #salg', 'unsubscribe #avtaler'],
    },
    subscriptions: {
      summary: 'Viser de planlagte sammendragene.',
      examples: ['subscriptions', 'help subscribe'],
    },
    notify: {
      summary:
        'Varslene dine i direktemeldinger: endringer andre gjør i salgsmulighetene dine (flytting, oppdatering, redigering, lukking, ny selger, sletting, notater), oppgavene dine når de forfaller, og salgsmulighetene dine som har passert sluttdatoen eller har stått uten endring i arbeidsområdets antall dager for inaktivitet (`stale-days:`). Hver type med en gang (`instant`), i én daglig oppsummering på tidspunktet du velger (`daily`) eller av (`off`); stilletid i din tidssone holder meldingene tilbake til den er over; `mute` demper én salgsmulighet. Uten nøkler: innstillingene dine. Også i App Home.',
      examples: [
        'notify',
        'notify changes:instant overdue:daily stale:off summary:8:30 quiet:22:00-07:00',
        'notify mute OP00012',
        'notify unmute OP00012',
      ],
    },
    alert: {
      summary:
        'Varsler en kanal når salgsmuligheter opprettes, flyttes til en annen fase, vinnes, tapes eller får ny selger (ledere og administratorer). Uten kanal: denne kanalen; uten typer: `won` og `lost`. `value:` sammenlignes med den estimerte verdien (for en vunnet eller tapt salgsmulighet: beløpet); `k` betyr tusen. Flere endringer av én salgsmulighet innen ett minutt blir én melding, som oppdateres.',
      examples: [
        'alert #avtaler won lost value:>50k',
        'alert #salg created stage cycle:{cycle} owner:@ann',
        'alert remove 3',
      ],
    },
    alerts: {
      summary: 'Viser kanalvarslene med nummer, typer og filtre.',
      examples: ['alerts', 'help alert'],
    },
    dates: {
      title: 'Datoer',
      summary: 'Datoer leses i din tidssone.',
      examples: ['next OP00012 close:slutten av kvartalet', 'update OP00012 close:om 2 uker'],
      notes: [
        'Relative: `i dag`, `i morgen`, `fredag`, `neste fredag`, `om 30 dager`, `om 2 uker`, `neste måned`.',
        'Slutten av en periode: `slutten av måneden`, `slutten av neste måned`, `slutten av kvartalet`, `slutten av året` (også `starten av …`, `månedsslutt`).',
        'Faste: `2026-12-15`, `15. des`, `15. desember 2026`, og `15.12.2026` eller `12/15/2026` etter datorekkefølgen din.',
        '`close:` ser fremover (`fredag` er den kommende); `date:` og `closed-before:` ser bakover (`fredag` er den forrige). Engelske ord (`today`, `next friday`) forstås også.',
      ],
    },
    amounts: {
      title: 'Beløp',
      summary: 'Beløp og prosentsatser.',
      examples: ['update OP00012 value:12 000,50', 'update OP00012 chance:12,5 %'],
      notes: [
        'Beløp: `12000`, `12 000`, `12 000,50`, `12000,50`, `kr 12 000`, `12 000,-`, `12k`; høyst 2 desimaler.',
        '`12.000` avvises fordi det er tvetydig: skriv `12000` eller `12,00`. `12,500` leses som tolv og en halv.',
        'Prosent: `40` eller `40 %`, fra 0 til 100, høyst 2 desimaler.',
      ],
    },
    keys: {
      title: 'Nøkler og verdier',
      summary: 'Slik virker par med `nøkkel:verdi`.',
      examples: [
        'new Fornyelse contact:"Acme AS" value:5000 chance:50 close:slutten av neste måned',
        'new "K3: fornyelse close: snart" contact:Acme value:1 chance:5 close:i dag',
      ],
      notes: [
        'En verdi varer frem til neste nøkkel, så `close:slutten av neste måned` trenger ingen anførselstegn. Nøkler skiller ikke mellom store og små bokstaver.',
        'Anførselstegn ("…" eller \'…\') beholder mellomrom og kolon som de er. Sett en beskrivelse i anførselstegn hvis den inneholder et nøkkelord etterfulgt av kolon.',
        'Et ord som henger sammen med et kolon og ikke er en nøkkel i kommandoen (`farge:rød`), blir rapportert som en ukjent nøkkel.',
      ],
    },
  },
} as const;

export const help = norwegian;
