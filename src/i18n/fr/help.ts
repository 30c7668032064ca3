// The French (Canada) help of `/opp` (`/opp help`, `/opp help <topic>`): the same topics as
// src/i18n/en/help.ts. Plain text: the help is escaped as a whole where it is shown
// (src/slack/grammar/help.ts), so placeholders like `<commande>` are written raw here. Subcommands and keys
// stay English; the values in the examples are French (dates, amounts, oui/non, gagnée/perdue), as a
// French reader's values are read. Each example must parse. Part of the one catalogue.

const french = {
  overview: {
    title: '*Commandes `/opp`* — `OP00012` est un numéro d’opportunité; `@ann` et `#ventes` sont des mentions.',
    /** Sections of example commands; one line each, several commands on a line joined with " · ". */
    sections: [
      {
        title: '*Configuration* (aussi sous la forme `/opp setup …`)',
        lines: [
          ['cycle add FIRM Opportunités fermes calc:multiply'],
          ['stage add {cycle} 1 Premier contact completed:10 chance:20 formula:1W'],
          ['code add PRICE gagnée Meilleur prix'],
          ['contact add "Acme Corp" company customer:oui'],
          ['customer add Acme Corp'],
          ['activity add PRES Présentation step:"Planifier une réunion;0D"'],
          ['role @ann manager'],
          [
            { example: 'cycle list', note: '(admins : un bouton Modifier par ligne)' },
            'stage list {cycle}',
            'code list',
            'contact list acme',
          ],
          ['activity list', 'roles'],
          [
            { example: 'stage edit {cycle} {stage}', note: '(le formulaire, prérempli)' },
            'stage edit {cycle} {stage} chance:35',
          ],
          [
            'cycle edit {cycle} calc:add',
            'code edit {won} description:"Meilleur prix"',
            'contact edit Ann Lee company:none',
          ],
          ['setting reps-see-own:oui', 'setting reps-add-contacts:non'],
          [{ example: 'workspace delete', note: '(demande une confirmation)' }],
        ],
      },
      {
        title: '*Opportunités*',
        lines: [
          [{ example: 'new', note: '(ouvre le formulaire)' }],
          ['new Refonte du site Web contact:"Acme Corp" value:12 000 chance:40 close:fin du mois prochain'],
          ['list all status:gagnée'],
          ['show OP00012', 'show Refonte du site Web', 'find acme renouvellement'],
          ['edit OP00012 owner:@ann priority:high', { example: 'edit OP00012', note: '(ouvre le formulaire)' }],
          ['note OP00012 Appel à Pat : veut un deuxième devis d’ici vendredi'],
          ['next OP00012 chance:60 close:dans 30 jours'],
          ['previous OP00012', 'move OP00012', 'order OP00012', 'delete OP00012'],
          ['skip OP00012 to:4', 'jump OP00012 to:2'],
          ['update OP00012 value:14 500 close:vendredi prochain'],
          ['close OP00012 gagnée code:{won} amount:11 500'],
          ['quote OP00012 line:"Licences;10;1200;5"', 'quote OP00012'],
          ['tasks', 'tasks @ann'],
          ['purge status:perdue closed-before:2025-01-01'],
        ],
      },
      {
        title: '*Pipeline*',
        lines: [
          ['digest cycle:{cycle}'],
          ['stats OP00012', 'stats cycle:{cycle}'],
          ['export all status:all'],
          ['subscribe #ventes weekly at:09:00 day:monday tz:America/Toronto'],
          ['unsubscribe #ventes', 'subscriptions'],
          ['alert #affaires won lost value:>50k', 'alerts', 'alert remove 3'],
          ['language fr', 'language #ventes it'],
          ['notify', 'notify mute OP00012'],
        ],
      },
    ],
    details:
      'Détails : `/opp help <commande>`, p. ex. `/opp help close`; voir aussi `/opp help dates`, `/opp help amounts` et `/opp help keys`.',
  },
  /** A topic's first line: its title (a guide's own, or the command) and what it is about. */
  heading: (title: string, summary: string) => `*${title}* : ${summary}`,
  examplesTitle: 'Exemples :',
  placeholders: {
    no: 'no',
    description: 'description',
    pct: 'pourcentage',
    date: 'date',
    contact: 'contact',
    'stage no': 'no étape',
    amount: 'montant',
    'date of change': 'date modification',
    code: 'code',
    weekday: 'jour de la semaine',
    'unit price': 'prix unitaire',
    'sales amount': 'montant de vente',
    quantity: 'quantité',
    name: 'nom',
    'discount %': 'remise %',
    days: 'jours',
    'date formula': 'formule de date',
    'company name or no.': 'nom ou no de l’entreprise',
    'closing date': 'date de clôture',
    address: 'adresse',
    'IANA zone': 'fuseau IANA',
    'search text': 'texte recherché',
    text: 'texte',
    words: 'mots',
    'won code': 'code gagnée',
  },
  /**
   * One entry per help topic (the grammar's HELP_TOPICS): what it is about, `/opp …` examples (without
   * the `/opp `; `@ann` stands for a user mention, `#ventes` for a channel), notes, and a title for the
   * topics that are guides rather than commands.
   */
  topics: {
    setup: {
      title: 'Configuration',
      summary:
        'Configurez les cycles de vente, les étapes, les codes fin opportunité, les contacts, les activités et les rôles. Chaque commande de configuration fonctionne aussi sous la forme `/opp setup …`.',
      examples: [
        'cycle add FIRM Opportunités fermes calc:multiply',
        'setup stage add {cycle} 1 Premier contact completed:10 chance:20',
      ],
    },
    cycle: {
      summary: 'Un cycle de vente regroupe les étapes par lesquelles passe une opportunité.',
      examples: [
        'cycle add FIRM Opportunités fermes calc:multiply',
        'cycle add EXIST Clients existants blocked:non',
        'cycle edit {cycle}',
        'cycle edit {cycle} description:"Commandes fermes" calc:add',
        'cycle block EXIST',
        'cycle delete TEST',
      ],
      notes: [
        '`calc:` indique le calcul de la probabilité : `multiply`, `add`, `chances` (% chances de succès) ou `completed` (% réalisé).',
        'Un cycle bloqué n’accepte aucune nouvelle opportunité; celles qui l’utilisent continuent. Un cycle n’est supprimé que si aucune opportunité ne l’utilise : bloquez-le plutôt.',
        '`cycle edit` (administrateurs) modifie la description et le calcul sur place (sans clés : le formulaire, prérempli); les écritures déjà faites gardent leur probabilité, le nouveau calcul s’applique à partir du prochain changement de chaque opportunité.',
      ],
    },
    stage: {
      summary: 'Les étapes d’un cycle de vente, dans l’ordre.',
      examples: [
        'stage add {cycle} 1 Premier contact completed:10 chance:20 formula:1W',
        'stage add {cycle} 2 Présentation completed:40 % chance:40 quote:oui activity:PRES',
        'stage edit {cycle} {stage}',
        'stage edit {cycle} {stage} chance:35 formula:2W skip:non activity:none',
        'stage delete {cycle} 2',
      ],
      notes: [
        'Une étape n’est supprimée que si aucune opportunité ouverte ne s’y trouve. Formules date : D (jours), W (semaines), M (mois), Q (trimestres), Y (années), CM (fin du mois).',
        '`stage edit` (administrateurs) modifie une étape sur place : description, % réalisé, % chances de succès, `quote:`, `skip:`, `formula:` et `activity:` (`none` efface les deux derniers); sans clés, il ouvre le formulaire, prérempli. Comme dans Business Central, les écritures déjà faites gardent leurs chiffres; les nouvelles valeurs s’appliquent à partir du prochain passage à l’étape ou de la prochaine mise à jour à celle-ci.',
      ],
    },
    code: {
      summary: 'Un code fin opportunité indique pourquoi une opportunité a été gagnée ou perdue.',
      examples: [
        'code add PRICE gagnée Meilleur prix',
        'code add COMP perdue Perdue au profit d’un concurrent',
        'code edit {lost} description:"Perdue au profit d’un rival"',
        'code delete COMP',
      ],
      notes: [
        'Un code fin opportunité n’est supprimé que si aucune opportunité n’a été clôturée avec lui.',
        '`code edit` (administrateurs) modifie sa description (sans clés : le formulaire); son code et son type restent.',
      ],
    },
    contact: {
      summary: 'Un contact est une entreprise ou une personne; une personne peut appartenir à une entreprise.',
      examples: [
        'contact add "Acme Corp" company customer:oui',
        'contact add Ann Lee person company:"Acme Corp" email:ann@acme.com',
        'contact edit Ann Lee',
        'contact edit Ann Lee name:"Ann Lee-Smith" company:"Contoso"',
        'contact edit Acme Corp customer:oui',
      ],
      notes: [
        'Tout le monde ajoute des contacts, sauf si un administrateur le réserve aux administrateurs (`/opp setting reps-add-contacts:non`); créer un client revient à un administrateur.',
        '`contact edit` (administrateurs) modifie le nom, l’entreprise d’une personne (`company:none` pour la quitter) et le lien client (`customer:oui` en crée un, `customer:non` retire celui qu’aucun devis ni commande n’utilise); sans clés, il ouvre le formulaire. Une personne qui quitte une entreprise y laisse ses opportunités avec cette entreprise, qui en devient le contact, comme dans Business Central.',
      ],
    },
    customer: {
      summary: 'Crée un client à partir d’un contact entreprise.',
      examples: ['customer add Acme Corp', 'setup customer add CT000012'],
    },
    activity: {
      summary:
        'Une activité est un ensemble d’étapes de suivi qu’une étape de vente peut créer; chaque étape a une formule date.',
      examples: [
        'activity add PRES Présentation step:"Planifier une réunion;0D" step:"Faire le suivi;1W"',
        'activity list',
      ],
    },
    role: {
      summary: 'Attribue un rôle à une personne dans cet espace de travail (administrateurs seulement).',
      examples: ['role @ann manager', 'role @ann rep'],
      notes: [
        '*admin* (administrateur) : configuration (cycles, étapes, codes, contacts, activités), purge, rôles, paramètres, suppression de l’espace de travail.',
        '*manager* (gestionnaire) : toutes les opportunités de l’espace de travail, les sommaires et les abonnements.',
        '*rep* (représentant; toute personne sans rôle) : crée des opportunités et modifie celles dont elle est le vendeur.',
        'La première personne qui utilise `/opp` dans un espace de travail sans administrateur en devient l’administrateur. Un espace de travail garde toujours un administrateur.',
      ],
    },
    roles: {
      summary: 'Liste les administrateurs et les gestionnaires; toutes les autres personnes sont des représentants.',
      examples: ['roles', 'setup roles'],
    },
    setting: {
      summary: 'Affiche les paramètres de l’espace de travail ou les modifie (administrateurs seulement).',
      examples: [
        'setting',
        'setting reps-see-own:oui',
        'setting reps-add-contacts:non',
        'setting currency:CAD default-cycle:{cycle} stale-days:21',
      ],
      notes: [
        '`reps-see-own:oui` : les représentants ne voient que les opportunités dont ils sont le vendeur; les gestionnaires et les administrateurs les voient toutes.',
        '`reps-add-contacts:non` : seuls les administrateurs ajoutent des contacts (`oui`, la valeur par défaut : tout le monde le fait, pour qu’un nouveau prospect n’attende pas un administrateur).',
        '`currency:` est le code de trois lettres de la devise des montants (USD au départ).',
        '`default-cycle:` est le cycle de vente attribué aux nouvelles opportunités quand aucun n’est choisi (`none` pour laisser chacun choisir).',
        '`stale-days:` est le nombre de jours sans changement après lequel les sommaires signalent une opportunité ouverte comme inactive (14 au départ).',
        '`language:` est la langue des publications dans les canaux qui n’en ont pas choisi (`en` au départ; voir `/opp help language`).',
      ],
    },
    language: {
      summary:
        'Choisit la langue dans laquelle je vous réponds ou (gestionnaires et administrateurs) celle des sommaires et des annonces d’un canal.',
      examples: ['language', 'language fr', 'language nb', 'language auto', 'language #ventes it'],
      notes: [
        'Langues : `en` anglais, `fr` français, `it` italien, `nb` norvégien (bokmål), `zh` chinois (simplifié). `auto` revient à la langue de Slack.',
        'Les commandes restent les mêmes dans toutes les langues; les dates et les montants que vous tapez sont lus dans votre langue.',
        'Un canal sans langue à lui reçoit celle de l’espace de travail (`/opp setting language:fr`), sinon l’anglais.',
      ],
    },
    workspace: {
      summary: 'Supprime toutes les données de cet espace de travail (demande d’abord une confirmation).',
      examples: ['workspace delete', 'setup workspace delete'],
    },
    new: {
      summary: 'Crée une opportunité. Sans rien après `new`, ouvre le formulaire Nouvelle opportunité.',
      examples: [
        'new Refonte du site Web contact:"Acme Corp" value:12 000 chance:40 close:fin du mois prochain',
        'new Licences CRM contact:Acme value:25000 chance:25 % close:15 déc cycle:{cycle} owner:@ann priority:high',
      ],
    },
    list: {
      summary:
        'Liste les opportunités : les vôtres et les ouvertes par défaut. Une entreprise (`contact:`) inclut ses personnes; une longue liste offre un bouton *Afficher plus*, et ses totaux sont donnés par statut.',
      examples: ['list all status:gagnée', 'list @ann contact:Acme cycle:{cycle}', 'list Renouvellement du parc'],
      notes: [
        'Un nom à la place de `mine`, `all` ou `@utilisateur` fonctionne comme dans `show` : `list Renouvellement du parc` affiche la seule opportunité dont la description, le contact ou l’entreprise contient tous les mots, liste les candidates s’il y en a plusieurs et renvoie à `/opp find` s’il n’y en a aucune. Un nom s’emploie sans filtres; un numéro (`list OP00012`) affiche cette opportunité.',
      ],
    },
    show: {
      summary:
        'Affiche une opportunité : par son numéro, ou par des mots de sa description, de son contact ou de son entreprise (s’ils en désignent plusieurs, vous choisissez).',
      subcommands: ['show'],
      examples: ['show OP00012', 'show op00012', 'show Refonte du site Web'],
    },
    edit: {
      summary:
        'Modifie la description, le contact, le vendeur ou la priorité d’une opportunité. Sans clés, ouvre le formulaire Modifier, rempli avec les valeurs actuelles.',
      examples: [
        'edit OP00012',
        'edit OP00012 owner:@ann priority:high',
        'edit OP00012 description:"Refonte du site Web, phase 2" contact:"Pat Tremblay"',
      ],
      notes: [
        'Une fois l’opportunité démarrée, son contact ne peut changer qu’au sein de la même entreprise. Pour une opportunité clôturée, seule la description peut encore changer.',
        'Les représentants modifient leurs propres opportunités et ne peuvent pas les confier à quelqu’un d’autre; les gestionnaires le peuvent (`owner:`), et le nouveau vendeur en est avisé par message direct.',
        'Chaque modification figure dans l’historique de la fiche : qui, quand, et quelle valeur a remplacé quelle autre.',
      ],
    },
    note: {
      summary:
        'Consigne une interaction sur une opportunité (un appel, une réunion, ce qui a été convenu), datée d’aujourd’hui. Sans texte, ouvre le formulaire Ajouter une note.',
      examples: ['note OP00012 Appel à Pat : veut un deuxième devis d’ici vendredi', 'note OP00012'],
      notes: [
        'Les notes figurent dans l’historique de la fiche et comptent comme interactions dans `/opp stats OP00012`.',
      ],
    },
    find: {
      summary:
        'Trouve des opportunités par des mots de leur description, de leur contact ou de leur entreprise, sans égard à la casse ni aux accents; les meilleures correspondances viennent d’abord, avec un bouton *Afficher plus* pour les suivantes.',
      examples: ['find acme', 'find refonte du site', 'find montreal'],
      notes: [
        'Vous trouvez les opportunités que vous pouvez voir (seulement les vôtres quand les représentants ne voient que les leurs).',
      ],
    },
    next: {
      summary:
        'Fait passer une opportunité à l’étape suivante, en modifiant au besoin la valeur, les chances ou la date clôture.',
      examples: ['next OP00012', 'next OP00012 chance:60 close:dans 30 jours'],
    },
    previous: {
      summary: 'Ramène une opportunité à l’étape précédente.',
      examples: ['previous OP00012', 'previous OP00012 date:hier'],
    },
    skip: {
      summary:
        'Ignore des étapes pour avancer à une étape ultérieure (les étapes intermédiaires doivent pouvoir être ignorées).',
      examples: ['skip OP00012 to:4', 'skip OP00012 to:4 value:15 000'],
    },
    jump: {
      summary: 'Omet des étapes pour passer à n’importe quelle étape, vers l’avant ou vers l’arrière.',
      examples: ['jump OP00012 to:2', 'jump OP00012 to:5 close:fin du trimestre'],
    },
    update: {
      summary: 'Modifie la valeur, les chances ou la date clôture sans changer d’étape.',
      examples: ['update OP00012 value:14 500', 'update OP00012 chance:70 close:vendredi prochain'],
    },
    move: {
      summary: 'Ouvre le formulaire de mise à jour de l’opportunité.',
      examples: ['move OP00012', 'move op00012'],
    },
    close: {
      summary:
        'Clôture une opportunité comme gagnée ou perdue. Avec seulement le numéro, ouvre le formulaire de clôture.',
      examples: ['close OP00012 gagnée code:{won} amount:11 500 date:aujourd’hui', 'close OP00012 perdue code:{lost}'],
    },
    quote: {
      summary:
        'Crée un devis pour une opportunité. Avec seulement le numéro, affiche le devis lié avec ses lignes et son total, ou ouvre le formulaire de création du devis s’il n’y en a pas.',
      examples: ['quote OP00012 line:"Licences;10;1200;5" line:"Intégration;1;3000"', 'quote OP00012'],
      notes: [
        'Chaque `line:` s’écrit `description;quantité;prix unitaire`, avec un `;% remise` facultatif (100 lignes au plus).',
        'Le devis affiché offre *Modifier les lignes* (jusqu’à la création de la commande) et *Remplacer le devis* (tant que l’opportunité est en cours : l’ancien devis reste, mais perd son lien, comme dans Business Central). La fiche offre aussi *Afficher le devis*.',
      ],
    },
    tasks: {
      summary:
        'Liste vos tâches ouvertes (celles que créent les activités des étapes des cycles de vente), de la plus proche échéance à la plus lointaine, avec les boutons *Terminée* et *Reporter*. Les gestionnaires et les administrateurs peuvent lister celles d’une autre personne.',
      examples: ['tasks', 'tasks @ann'],
      notes: [
        'Chaque tâche s’affiche aussi sur la fiche de son opportunité et sous *Mes tâches* dans l’onglet Accueil de l’application. Reporter demande une date ultérieure, tapée comme vous la diriez (`vendredi prochain`, `dans 3 jours`).',
        'À sa date d’échéance, le responsable reçoit un message direct à 9 h dans son propre fuseau horaire Slack, une seule fois (un rappel manqué depuis plus d’une semaine n’est pas envoyé).',
      ],
    },
    order: {
      summary:
        'Crée la commande vente à partir du devis lié. Une opportunité ouverte est d’abord clôturée comme gagnée : `code:` indique le code fin opportunité gagnée; sinon, le formulaire Clôturer l’opportunité s’ouvre, réglé sur Gagnée avec le montant du devis.',
      examples: ['order OP00012', 'order OP00012 code:{won}'],
    },
    delete: {
      summary: 'Supprime une opportunité.',
      examples: ['delete OP00012', 'delete op00012'],
    },
    purge: {
      summary:
        'Supprime des opportunités clôturées en bloc : affiche ce qui serait supprimé, puis demande une confirmation.',
      examples: [
        'purge status:perdue closed-before:2025-01-01',
        'purge closed-after:2024-01-01 closed-before:fin de l’année dernière owner:@ann',
      ],
    },
    digest: {
      summary: 'Publie le sommaire du pipeline dans ce canal.',
      examples: ['digest', 'digest cycle:{cycle} owner:@ann'],
    },
    stats: {
      summary: 'Statistiques d’une opportunité ou d’un cycle de vente.',
      examples: ['stats OP00012', 'stats cycle:{cycle}'],
    },
    export: {
      summary:
        'Vous envoie un fichier CSV des opportunités en message direct; accepte les mêmes filtres que `list`. Sans `mine`, `all` ni `@utilisateur`, les gestionnaires et les administrateurs reçoivent tout le pipeline, les représentants leurs propres opportunités. Au plus 100 000 opportunités, les premières par numéro.',
      examples: ['export all status:all', 'export @ann cycle:{cycle}'],
    },
    subscribe: {
      summary:
        'Publie le sommaire dans un canal selon une planification. `day:` (monday à sunday) s’applique aux sommaires weekly seulement.',
      examples: [
        'subscribe #ventes weekly at:09:00 day:monday tz:America/Toronto',
        'subscribe #ventes daily cycle:{cycle}',
      ],
    },
    unsubscribe: {
      summary: 'Arrête le sommaire dans un canal.',
      examples: ['unsubscribe #ventes', 'unsubscribe #affaires'],
    },
    subscriptions: {
      summary: 'Liste les sommaires planifiés.',
      examples: ['subscriptions', 'help subscribe'],
    },
    notify: {
      summary:
        'Vos notifications par message direct : les changements que d’autres apportent à vos opportunités (passages d’étape, mises à jour, modifications, clôtures, réattributions, suppressions, notes), vos tâches à leur échéance, vos opportunités qui ont dépassé leur date clôture ou qui sont restées sans changement pendant le nombre de jours d’inactivité de l’espace de travail. Chaque type immédiatement (`instant`), dans un résumé quotidien à l’heure de votre choix (`daily`) ou jamais (`off`); les heures de silence, dans votre fuseau horaire, retiennent les messages jusqu’à leur fin; `mute` met une opportunité en sourdine. Sans clés : vos paramètres. Aussi dans l’onglet Accueil de l’application.',
      examples: [
        'notify',
        'notify changes:instant overdue:daily stale:off summary:8:30 quiet:22:00-07:00',
        'notify mute OP00012',
        'notify unmute OP00012',
      ],
    },
    alert: {
      summary:
        'Avertit un canal quand des opportunités sont créées, changent d’étape, sont gagnées, perdues ou confiées à un autre vendeur (gestionnaires et administrateurs). Sans canal : celui-ci; sans types : `won` et `lost`. `value:` compare la valeur estimée (le montant de la vente, pour une opportunité gagnée ou perdue); `k` signifie mille. Plusieurs changements apportés à une même opportunité en moins d’une minute sont regroupés en un seul message, mis à jour au besoin.',
      examples: [
        'alert #affaires won lost value:>50k',
        'alert #pipeline created stage cycle:{cycle} owner:@ann',
        'alert remove 3',
      ],
    },
    alerts: {
      summary: 'Liste les alertes de canal avec leurs numéros, leurs types et leurs filtres.',
      examples: ['alerts', 'help alert'],
    },
    dates: {
      title: 'Dates',
      summary: 'Les dates sont lues dans votre fuseau horaire.',
      examples: ['next OP00012 close:fin du trimestre', 'update OP00012 close:dans 2 semaines'],
      notes: [
        'Relatives : `aujourd’hui`, `demain`, `vendredi`, `vendredi prochain`, `dans 30 jours`, `dans 2 semaines`, `le mois prochain`.',
        'Fins de période : `fin du mois`, `fin du mois prochain`, `fin du trimestre`, `fin de l’année` (aussi `début du …`).',
        'Fixes : `2026-12-15`, `15 déc`, `15 décembre 2026` et `15/12/2026` ou `12/15/2026` selon votre ordre de date.',
        '`close:` regarde vers l’avant (`vendredi` est le prochain); `date:` et `closed-before:` regardent vers l’arrière (`vendredi` est le dernier). Les mots anglais (`today`, `next friday`) sont aussi compris.',
      ],
    },
    amounts: {
      title: 'Montants',
      summary: 'Montants et pourcentages.',
      examples: ['update OP00012 value:12 000,50', 'update OP00012 chance:12,5 %'],
      notes: [
        'Montants : `12000`, `12 000`, `12 000,50`, `12000,50`, `12 000 $`, `12k`; au plus 2 décimales.',
        '`12.000` est refusé, car ambigu : écrivez `12000` ou `12,00`. `12,500` se lit douze et demi.',
        'Pourcentages : `40` ou `40 %`, de 0 à 100, au plus 2 décimales.',
      ],
    },
    keys: {
      title: 'Clés et valeurs',
      summary: 'Fonctionnement des paires `clé:valeur`.',
      examples: [
        'new Renouvellement contact:"Acme Corp" value:5000 chance:50 close:fin du mois prochain',
        'new "T3 : renouvellement close: bientôt" contact:Acme value:1 chance:5 close:aujourd’hui',
      ],
      notes: [
        'Une valeur s’étend jusqu’à la clé suivante; `close:fin du mois prochain` n’a donc pas besoin de guillemets. Les clés ne tiennent pas compte de la casse.',
        'Les guillemets ("…" ou \'…\') conservent les espaces et les deux-points tels quels. Mettez entre guillemets une description qui contient un mot clé suivi d’un deux-points.',
        'Un mot collé à un deux-points qui n’est pas une clé de la commande (`couleur:rouge`) est signalé comme clé inconnue.',
      ],
    },
  },
} as const;

export const help = french;
