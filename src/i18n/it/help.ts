// The help of `/opp` in Italian (`/opp help`, `/opp help <topic>`): the same topics and keys as
// src/i18n/en/help.ts. Plain text: the help is escaped as a whole where it is shown
// (src/slack/grammar/help.ts). Subcommands and keys stay English; the values in the examples (dates,
// amounts, descriptions) are written as an Italian user types them, and each example must parse in
// Italian. Part of the one catalogue.

const italian = {
  overview: {
    title: '*Comandi `/opp`* — `OP00012` è un numero di opportunità; `@anna` e `#vendite` sono menzioni.',
    /** Sections of example commands; one line each, several commands on a line joined with " · ". */
    sections: [
      {
        title: '*Configurazione* (anche come `/opp setup …`)',
        lines: [
          ['cycle add FIRM Opportunità dirette calc:multiply'],
          ['stage add {cycle} 1 Contatto iniziale completed:10 chance:20 formula:1W'],
          ['code add PRICE won Prezzo migliore'],
          ['contact add "Acme S.p.A." company customer:yes'],
          ['customer add Acme S.p.A.'],
          ['activity add PRES Presentazione step:"Fissare incontro;0D"'],
          ['role @anna manager'],
          [
            { example: 'cycle list', note: '(amministratori: un pulsante Modifica per riga)' },
            'stage list {cycle}',
            'code list',
            'contact list acme',
          ],
          ['activity list', 'roles'],
          [
            { example: 'stage edit {cycle} {stage}', note: '(il modulo, precompilato)' },
            'stage edit {cycle} {stage} chance:35',
          ],
          [
            'cycle edit {cycle} calc:add',
            'code edit {won} description:"Prezzo migliore"',
            'contact edit Anna Rossi company:none',
          ],
          ['setting reps-see-own:yes', 'setting reps-add-contacts:no'],
          [{ example: 'workspace delete', note: '(chiede conferma)' }],
        ],
      },
      {
        title: '*Opportunità*',
        lines: [
          [{ example: 'new', note: '(apre il modulo)' }],
          ['new Nuovo sito web contact:"Acme S.p.A." value:12.000 chance:40 close:fine del mese prossimo'],
          ['list all status:won'],
          ['show OP00012', 'show Nuovo sito web', 'find acme rinnovo'],
          ['edit OP00012 owner:@anna priority:high', { example: 'edit OP00012', note: '(apre il modulo)' }],
          ['note OP00012 Chiamato Paolo: vuole una seconda offerta entro venerdì'],
          ['next OP00012 chance:60 close:fra 30 giorni'],
          ['previous OP00012', 'move OP00012', 'order OP00012', 'delete OP00012'],
          ['skip OP00012 to:4', 'jump OP00012 to:2'],
          ['update OP00012 value:14 500 close:venerdì prossimo'],
          ['close OP00012 won code:{won} amount:11.500'],
          ['quote OP00012 line:"Licenze;10;1200;5"', 'quote OP00012'],
          ['tasks', 'tasks @anna'],
          ['purge status:lost closed-before:2025-01-01'],
        ],
      },
      {
        title: '*Pipeline*',
        lines: [
          ['digest cycle:{cycle}'],
          ['stats OP00012', 'stats cycle:{cycle}'],
          ['export all status:all'],
          ['subscribe #vendite weekly at:09:00 day:monday tz:Europe/Rome'],
          ['unsubscribe #vendite', 'subscriptions'],
          ['alert #trattative won lost value:>50k', 'alerts', 'alert remove 3'],
          ['language it', 'language #vendite it'],
          ['notify', 'notify mute OP00012'],
        ],
      },
    ],
    details:
      'Dettagli: `/opp help <comando>`, es. `/opp help close`; inoltre `/opp help dates`, `/opp help amounts`, `/opp help keys`.',
  },
  /** A topic's first line: its title (a guide's own, or the command) and what it is about. */
  heading: (title: string, summary: string) => `*${title}*: ${summary}`,
  examplesTitle: 'Esempi:',
  placeholders: {
    no: 'n.',
    description: 'descrizione',
    pct: 'percentuale',
    date: 'data',
    contact: 'contatto',
    'stage no': 'n. fase',
    amount: 'importo',
    'date of change': 'data modifica',
    code: 'codice',
    weekday: 'giorno della settimana',
    'unit price': 'prezzo unitario',
    'sales amount': 'importo vendita',
    quantity: 'quantità',
    name: 'nome',
    'discount %': 'sconto %',
    days: 'giorni',
    'date formula': 'formula data',
    'company name or no.': 'nome o n. azienda',
    'closing date': 'data chiusura',
    address: 'indirizzo',
    'IANA zone': 'fuso IANA',
    'search text': 'testo da cercare',
    text: 'testo',
    words: 'parole',
    'won code': 'codice vinta',
  },
  /**
   * One entry per help topic (the grammar's HELP_TOPICS): what it is about, `/opp …` examples (without
   * the `/opp `; `@anna` stands for a user mention, `#vendite` for a channel), notes, and a title for the
   * topics that are guides rather than commands.
   */
  topics: {
    setup: {
      title: 'Configurazione',
      summary:
        'Configura cicli di vendita, fasi, codici chiusura, contatti, attività e ruoli. Ogni comando di configurazione funziona anche come `/opp setup …`.',
      examples: [
        'cycle add FIRM Opportunità dirette calc:multiply',
        'setup stage add {cycle} 1 Contatto iniziale completed:10 chance:20',
      ],
    },
    cycle: {
      summary: 'I cicli di vendita raggruppano le fasi che un’opportunità attraversa.',
      examples: [
        'cycle add FIRM Opportunità dirette calc:multiply',
        'cycle add EXIST Clienti esistenti blocked:no',
        'cycle edit {cycle}',
        'cycle edit {cycle} description:"Ordini diretti" calc:add',
        'cycle block EXIST',
        'cycle delete TEST',
      ],
      notes: [
        '`calc:` indica come si calcola la probabilità: `multiply`, `add`, `chances` (% probabilità di successo) o `completed` (% completato).',
        'Un ciclo bloccato non accetta nuove opportunità; quelle che già lo usano proseguono. Un ciclo si può eliminare solo quando nessuna opportunità lo usa: in alternativa, bloccarlo.',
        '`cycle edit` (amministratori) modifica sul posto descrizione e calcolo (senza chiavi: il modulo, precompilato); i movimenti già registrati mantengono la loro probabilità, il nuovo calcolo si applica dalla prossima modifica di ciascuna opportunità.',
      ],
    },
    stage: {
      summary: 'Le fasi di un ciclo di vendita, in ordine.',
      examples: [
        'stage add {cycle} 1 Contatto iniziale completed:10 chance:20 formula:1W',
        'stage add {cycle} 2 Presentazione completed:40% chance:40 quote:yes activity:PRES',
        'stage edit {cycle} {stage}',
        'stage edit {cycle} {stage} chance:35 formula:2W skip:no activity:none',
        'stage delete {cycle} 2',
      ],
      notes: [
        'Una fase si può eliminare solo finché nessuna opportunità aperta vi si trova.',
        '`stage edit` (amministratori) modifica sul posto una fase: descrizione, % completato, % probabilità di successo, `quote:`, `skip:`, `formula:` e `activity:` (`none` azzera gli ultimi due); senza chiavi apre il modulo, precompilato. Come in Business Central, i movimenti già registrati mantengono i loro valori; i nuovi valori si applicano dal prossimo passaggio alla fase o dal prossimo aggiornamento in essa.',
      ],
    },
    code: {
      summary: 'I codici chiusura indicano perché un’opportunità è stata vinta o persa.',
      examples: [
        'code add PRICE won Prezzo migliore',
        'code add COMP lost Persa a favore di un concorrente',
        'code edit {lost} description:"Persa a favore di un rivale"',
        'code delete COMP',
      ],
      notes: [
        'Un codice chiusura si può eliminare solo se nessuna opportunità è stata chiusa con esso.',
        '`code edit` (amministratori) ne modifica la descrizione (senza chiavi: il modulo); codice e tipo restano.',
      ],
    },
    contact: {
      summary: 'I contatti sono società o persone; una persona può appartenere a una società.',
      examples: [
        'contact add "Acme S.p.A." company customer:yes',
        'contact add Anna Rossi person company:"Acme S.p.A." email:anna@acme.it',
        'contact edit Anna Rossi',
        'contact edit Anna Rossi name:"Anna Rossi Bianchi" company:"Contoso"',
        'contact edit Acme S.p.A. customer:yes',
      ],
      notes: [
        'Tutti aggiungono contatti, a meno che un amministratore non lo riservi agli amministratori (`/opp setting reps-add-contacts:no`); creare un cliente spetta a un amministratore.',
        '`contact edit` (amministratori) modifica il nome, la società di una persona (`company:none` per lasciarla) e il collegamento al cliente (`customer:yes` ne crea uno, `customer:no` rimuove quello che nessuna offerta o ordine usa); senza chiavi apre il modulo. Una persona che lascia una società lascia presso di essa le proprie opportunità di quella società, che ne diventa il contatto, come in Business Central.',
      ],
    },
    customer: {
      summary: 'Crea un cliente da un contatto società.',
      examples: ['customer add Acme S.p.A.', 'setup customer add CT000012'],
    },
    activity: {
      summary:
        'Le attività sono insiemi di passaggi successivi che una fase può creare; ogni passaggio ha una formula data.',
      examples: [
        'activity add PRES Presentazione step:"Fissare incontro;0D" step:"Inviare riepilogo;1W"',
        'activity list',
      ],
    },
    role: {
      summary: 'Assegna un ruolo a una persona in quest’area di lavoro (solo amministratori).',
      examples: ['role @anna manager', 'role @anna rep'],
      notes: [
        '*admin* (amministratore): configurazione (cicli, fasi, codici, contatti, attività), eliminazione in blocco, ruoli, impostazioni, eliminazione dei dati dell’area di lavoro.',
        '*manager*: tutte le opportunità dell’area di lavoro, riepiloghi e abbonamenti.',
        '*rep* (agente, chiunque non abbia un ruolo): crea opportunità e modifica quelle di cui è l’agente.',
        'La prima persona che usa `/opp` in un’area di lavoro senza amministratore ne diventa l’amministratore. Un’area di lavoro conserva sempre un amministratore.',
      ],
    },
    roles: {
      summary: 'Elenca amministratori e manager; tutti gli altri sono agenti.',
      examples: ['roles', 'setup roles'],
    },
    setting: {
      summary: 'Mostra le impostazioni dell’area di lavoro oppure le cambia (solo amministratori).',
      examples: [
        'setting',
        'setting reps-see-own:yes',
        'setting reps-add-contacts:no',
        'setting currency:EUR default-cycle:{cycle} stale-days:21',
      ],
      notes: [
        '`reps-see-own:yes`: gli agenti vedono solo le opportunità di cui sono l’agente; manager e amministratori continuano a vederle tutte.',
        '`reps-add-contacts:no`: solo gli amministratori aggiungono contatti (`yes`, il valore iniziale: tutti lo fanno, così un nuovo potenziale cliente non aspetta un amministratore).',
        '`currency:` è il codice di tre lettere della valuta in cui sono espressi gli importi (inizialmente USD).',
        '`default-cycle:` è il ciclo di vendita assegnato alle nuove opportunità quando non se ne sceglie uno (`none` per farlo scegliere ogni volta).',
        '`stale-days:` è il numero di giorni senza modifiche dopo cui i riepiloghi indicano un’opportunità aperta come ferma (inizialmente 14).',
        '`language:` è la lingua dei messaggi nei canali che non ne hanno scelta una (inizialmente `en`; vedere `/opp help language`).',
      ],
    },
    language: {
      summary:
        'Sceglie la lingua in cui Le rispondo oppure (manager e amministratori) quella dei riepiloghi e degli annunci di un canale.',
      examples: ['language', 'language it', 'language nb', 'language auto', 'language #vendite it'],
      notes: [
        'Lingue: `en` inglese, `fr` francese, `it` italiano, `nb` norvegese (bokmål), `zh` cinese (semplificato). `auto` torna alla lingua di Slack.',
        'I comandi restano gli stessi in ogni lingua; le date e gli importi digitati vengono letti nella Sua lingua.',
        'Un canale senza una lingua propria riceve quella dell’area di lavoro (`/opp setting language:it`), altrimenti l’inglese.',
      ],
    },
    workspace: {
      summary: 'Elimina tutti i dati di quest’area di lavoro (chiede prima conferma).',
      examples: ['workspace delete', 'setup workspace delete'],
    },
    new: {
      summary: 'Crea un’opportunità. Senza nulla dopo `new` apre il modulo Crea opportunità.',
      examples: [
        'new Nuovo sito web contact:"Acme S.p.A." value:12.000 chance:40 close:fine del mese prossimo',
        'new Licenze CRM contact:Acme value:25000 chance:25% close:15 dic cycle:{cycle} owner:@anna priority:high',
      ],
    },
    list: {
      summary:
        'Elenca le opportunità: per impostazione predefinita le proprie e solo quelle aperte. Una società (`contact:`) comprende le sue persone; un elenco lungo ha un pulsante Mostra altre, e i totali sono per stato.',
      examples: ['list all status:won', 'list @anna contact:Acme cycle:{cycle}', 'list Rinnovo flotta'],
      notes: [
        'Un nome al posto di `mine`, `all` o `@utente` funziona come in `show`: `list Rinnovo flotta` mostra l’unica opportunità la cui descrizione, contatto o società contiene tutte le parole, elenca le candidate se sono più d’una e rimanda a `/opp find` se non ce n’è nessuna. Un nome non si combina con filtri; un numero (`list OP00012`) mostra quell’opportunità.',
      ],
    },
    show: {
      summary:
        'Mostra un’opportunità: tramite il suo numero, oppure tramite parole della descrizione, del contatto o della società (se corrispondono a più opportunità, se ne sceglie una).',
      subcommands: ['show'],
      examples: ['show OP00012', 'show op00012', 'show Nuovo sito web'],
    },
    edit: {
      summary:
        'Cambia descrizione, contatto, agente o priorità di un’opportunità. Senza chiavi apre il modulo Modifica, compilato con i valori attuali.',
      examples: [
        'edit OP00012',
        'edit OP00012 owner:@anna priority:high',
        'edit OP00012 description:"Nuovo sito web, fase 2" contact:"Paolo Rossi"',
      ],
      notes: [
        'Dopo l’avvio di un’opportunità, il contatto può cambiare solo all’interno della stessa società. Di un’opportunità chiusa si può cambiare solo la descrizione.',
        'Gli agenti modificano le proprie opportunità e non possono assegnarle a un’altra persona; i manager sì (`owner:`), e il nuovo agente viene avvisato con un messaggio diretto.',
        'Ogni modifica compare nella cronologia della scheda: chi, quando e cosa è cambiato, da quale valore a quale.',
      ],
    },
    note: {
      summary:
        'Registra un’interazione su un’opportunità (una telefonata, un incontro, quanto concordato), con la data di oggi. Senza testo apre il modulo Aggiungi nota.',
      examples: ['note OP00012 Chiamato Paolo: vuole una seconda offerta entro venerdì', 'note OP00012'],
      notes: ['Le note compaiono nella cronologia della scheda e contano come interazioni in `/opp stats OP00012`.'],
    },
    find: {
      summary:
        'Trova le opportunità tramite parole della descrizione, del contatto o della società, senza distinzione tra maiuscole e minuscole né tra lettere accentate e non; le più pertinenti vengono per prime, con un pulsante Altre per le successive.',
      examples: ['find acme', 'find nuovo sito web', 'find nicolo'],
      notes: [
        'Si trovano le opportunità che si possono vedere (solo le proprie, se gli agenti vedono solo le proprie).',
      ],
    },
    next: {
      summary:
        'Porta un’opportunità alla fase successiva, eventualmente cambiando valore, probabilità o data chiusura.',
      examples: ['next OP00012', 'next OP00012 chance:60 close:fra 30 giorni'],
    },
    previous: {
      summary: 'Riporta un’opportunità alla fase precedente.',
      examples: ['previous OP00012', 'previous OP00012 date:ieri'],
    },
    skip: {
      summary: 'Salta avanti a una fase successiva (le fasi intermedie devono consentire di essere saltate).',
      examples: ['skip OP00012 to:4', 'skip OP00012 to:4 value:15000'],
    },
    jump: {
      summary: 'Va a qualsiasi fase, avanti o indietro.',
      examples: ['jump OP00012 to:2', 'jump OP00012 to:5 close:fine trimestre'],
    },
    update: {
      summary: 'Cambia valore, probabilità o data chiusura senza cambiare fase.',
      examples: ['update OP00012 value:14 500', 'update OP00012 chance:70 close:venerdì prossimo'],
    },
    move: {
      summary: 'Apre il modulo Aggiorna opportunità.',
      examples: ['move OP00012', 'move op00012'],
    },
    close: {
      summary: 'Chiude un’opportunità come vinta o persa. Con il solo numero apre il modulo Chiudi opportunità.',
      examples: ['close OP00012 won code:{won} amount:11.500 date:oggi', 'close OP00012 lost code:{lost}'],
    },
    quote: {
      summary:
        'Crea un’offerta di vendita per un’opportunità. Con il solo numero mostra l’offerta collegata con le sue righe e il totale, oppure apre il modulo Crea offerta se non ce n’è una.',
      examples: ['quote OP00012 line:"Licenze;10;1200;5" line:"Avviamento;1;3000"', 'quote OP00012'],
      notes: [
        'Ogni `line:` è `descrizione;quantità;prezzo unitario` con un eventuale `;% sconto` (al massimo 100 righe).',
        'L’offerta mostrata ha *Modifica righe* (finché non è stato creato l’ordine) e *Sostituisci offerta* (finché l’opportunità è in corso: la vecchia offerta resta ma perde il collegamento, come in Business Central). Anche la scheda ha *Mostra offerta*.',
      ],
    },
    tasks: {
      summary:
        'Elenca i propri impegni aperti (quelli creati dalle attività delle fasi dei cicli di vendita), dalla scadenza più vicina, con i pulsanti *Fatto* e *Rinvia*. Manager e amministratori possono elencare quelli di un’altra persona.',
      examples: ['tasks', 'tasks @anna'],
      notes: [
        'Ogni impegno compare anche nella scheda della sua opportunità e sotto *I miei impegni* nella Home dell’app. Rinvia chiede una data successiva, digitata come la si direbbe (`venerdì prossimo`, `fra 3 giorni`).',
        'Alla data di scadenza il titolare riceve un messaggio diretto alle 9:00 nel proprio fuso orario di Slack, una sola volta (un promemoria mancato da più di una settimana non viene inviato).',
      ],
    },
    order: {
      summary:
        'Crea l’ordine di vendita dall’offerta collegata. Un’opportunità aperta viene prima chiusa come Vinta: `code:` indica il codice chiusura di vincita, altrimenti si apre il modulo Chiudi opportunità, impostato su Vinta con l’importo dell’offerta.',
      examples: ['order OP00012', 'order OP00012 code:{won}'],
    },
    delete: {
      summary: 'Elimina un’opportunità.',
      examples: ['delete OP00012', 'delete op00012'],
    },
    purge: {
      summary: 'Elimina in blocco le opportunità chiuse: mostra cosa verrebbe eliminato, poi chiede conferma.',
      examples: [
        'purge status:lost closed-before:2025-01-01',
        'purge closed-after:2024-01-01 closed-before:fine anno scorso owner:@anna',
      ],
    },
    digest: {
      summary: 'Pubblica il riepilogo della pipeline in questo canale.',
      examples: ['digest', 'digest cycle:{cycle} owner:@anna'],
    },
    stats: {
      summary: 'Statistiche di un’opportunità o di un ciclo di vendita.',
      examples: ['stats OP00012', 'stats cycle:{cycle}'],
    },
    export: {
      summary:
        'Invia un file CSV di opportunità in un messaggio diretto; accetta gli stessi filtri di `list`. Senza `mine`, `all` o `@utente`, manager e amministratori ricevono l’intera pipeline, gli agenti le proprie opportunità. Al massimo 100.000 opportunità, le prime per numero.',
      examples: ['export all status:all', 'export @anna cycle:{cycle}'],
    },
    subscribe: {
      summary:
        'Pubblica il riepilogo in un canale secondo una programmazione. `day:` vale solo per i riepiloghi settimanali.',
      examples: [
        'subscribe #vendite weekly at:09:00 day:monday tz:Europe/Rome',
        'subscribe #vendite daily cycle:{cycle}',
      ],
    },
    unsubscribe: {
      summary: 'Interrompe il riepilogo in un canale.',
      examples: ['unsubscribe #vendite', 'unsubscribe #trattative'],
    },
    subscriptions: {
      summary: 'Elenca i riepiloghi programmati.',
      examples: ['subscriptions', 'help subscribe'],
    },
    notify: {
      summary:
        'Le proprie notifiche per messaggio diretto: modifiche fatte da altri alle proprie opportunità (passaggi di fase, aggiornamenti, modifiche, chiusure, cambi di agente, eliminazioni, note), i propri impegni alla scadenza, le proprie opportunità oltre la data chiusura o ferme (senza modifiche da tanti giorni quanti ne prevede l’area di lavoro). Ogni tipo subito (`instant`), in un unico riepilogo giornaliero all’ora scelta (`daily`) oppure mai (`off`); le ore di silenzio nel proprio fuso orario trattengono i messaggi fino alla loro fine; `mute` silenzia una singola opportunità. Senza chiavi: le impostazioni attuali. Anche nella Home dell’app.',
      examples: [
        'notify',
        'notify changes:instant overdue:daily stale:off summary:8:30 quiet:22:00-07:00',
        'notify mute OP00012',
        'notify unmute OP00012',
      ],
    },
    alert: {
      summary:
        'Avvisa un canale quando le opportunità vengono create, cambiano fase, vengono vinte, perse o assegnate a un altro agente (manager e amministratori). Senza canale: quello in cui si digita il comando; senza tipi: `won` e `lost`. `value:` confronta il valore stimato (l’importo, per un’opportunità vinta o persa); `k` sta per migliaia. Più modifiche di una stessa opportunità entro un minuto diventano un unico messaggio, che viene aggiornato.',
      examples: [
        'alert #trattative won lost value:>50k',
        'alert #pipeline created stage cycle:{cycle} owner:@anna',
        'alert remove 3',
      ],
    },
    alerts: {
      summary: 'Elenca gli avvisi nei canali con i loro numeri, tipi e filtri.',
      examples: ['alerts', 'help alert'],
    },
    dates: {
      title: 'Date',
      summary: 'Le date sono lette nel proprio fuso orario.',
      examples: ['next OP00012 close:fine trimestre', 'update OP00012 close:fra 2 settimane'],
      notes: [
        'Relative: `oggi`, `domani`, `venerdì`, `venerdì prossimo`, `fra 30 giorni`, `fra 2 settimane`, `mese prossimo`.',
        'Fine dei periodi: `fine mese`, `fine del mese prossimo`, `fine trimestre`, `fine anno` (anche `inizio …`, `eom`, `eoq`).',
        'Fisse: `2026-12-15`, `15 dic`, `15 dicembre 2026` e `15/12/2026` nel proprio ordine delle date.',
        '`close:` guarda avanti (`venerdì` è il prossimo); `date:` e `closed-before:` guardano indietro (`venerdì` è l’ultimo passato).',
        'Anche le espressioni inglesi funzionano, come `next friday` o `end of month`.',
      ],
    },
    amounts: {
      title: 'Importi',
      summary: 'Importi e percentuali.',
      examples: ['update OP00012 value:12.000,50', 'update OP00012 chance:12,5%'],
      notes: [
        'Importi: `12000`, `12.000`, `12000,50`, `12.000,50`, `12 000`, `€ 12.000`, `12k`; al massimo 2 decimali.',
        'Il punto separa le migliaia e la virgola i decimali: `12.000` è dodicimila, `12,5` è dodici e mezzo.',
        'Percentuali: `40` o `40%`, da 0 a 100, al massimo 2 decimali.',
      ],
    },
    keys: {
      title: 'Chiavi e valori',
      summary: 'Come funzionano le coppie `chiave:valore`.',
      examples: [
        'new Rinnovo contact:"Acme S.p.A." value:5000 chance:50 close:fine del mese prossimo',
        'new "T3: rinnovo close: a breve" contact:Acme value:1 chance:5 close:oggi',
      ],
      notes: [
        'Un valore prosegue fino alla chiave successiva, quindi `close:fine del mese prossimo` non richiede virgolette. Le chiavi non distinguono tra maiuscole e minuscole.',
        'Le virgolette ("…" o \'…\') mantengono letterali spazi e due punti. Mettere tra virgolette una descrizione che contiene una parola chiave seguita dai due punti.',
        'Una parola attaccata ai due punti che non è una chiave del comando (`colore:rosso`) viene segnalata come chiave sconosciuta.',
      ],
    },
  },
} as const;

export const help = italian;
