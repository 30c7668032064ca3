// French (Canada) strings of the Block Kit layer (cards, lists, App Home, modals, replies): the same keys
// and parameters as English's (src/i18n/en/ui.ts). Business Central's French terms: opportunité, étape,
// cycle de vente, code fin opportunité, date clôture, vendeur, devis, commande vente.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('fr');
const opportunities = (n: number): string =>
  m('{n, plural, one {# opportunité} many {# d’opportunités} other {# opportunités}}', { n });

const french = {
  status: { not_started: 'Non démarrée', in_progress: 'En cours', won: 'Gagnée', lost: 'Perdue' },
  actionTaken: {
    none: 'Première étape activée',
    next: 'Suivant',
    previous: 'Précédent',
    updated: 'Mis à jour',
    jumped: 'Omis',
    won: 'Gagnée',
    lost: 'Perdue',
  },
  moveAction: {
    first: 'Activer la première étape',
    next: 'Étape suivante',
    previous: 'Étape précédente',
    skip: 'Ignorer (avancer)',
    jump: 'Omettre (revenir)',
    update: 'Mettre à jour les estimations',
  },
  priority: { low: 'Faible', normal: 'Normale', high: 'Élevée' },
  probabilityCalculation: {
    multiply: 'Chances × réalisé',
    add: 'Moyenne des chances et du réalisé',
    chances: '% chances de succès seulement',
    completed: '% réalisé seulement',
  },
  contactType: { company: 'Entreprise', person: 'Personne' },
  outcome: { won: 'Gagnée', lost: 'Perdue' },

  common: {
    none: '—',
    yes: 'Oui',
    no: 'Non',
    cancel: 'Annuler',
    close: 'Fermer',
    stage: (no: number, description: string) => (description.trim() === '' ? `Étape ${no}` : `${no} · ${description}`),
    contact: (name: string, company: string | null) => (company ? `${name}, ${company}` : name),
    contactOption: (no: string, type: string) => `${no} · ${type}`,
    cycle: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    andMore: (n: number, command: string) =>
      `${m('…et {n, plural, one {# autre} many {# d’autres} other {# autres}}', { n })} — utilisez \`${command}\`.`,
    unknownCurrency: (code: string, amount: string) => `${amount} ${code}`,
  },

  placeholders: {
    amount: 'p. ex. 12 000',
    percent: 'p. ex. 40',
    quantity: 'p. ex. 2',
    unitPrice: 'p. ex. 1 250,00',
    discount: '0',
  },

  buttons: {
    show: 'Afficher',
    activate: 'Activer la première étape',
    next: 'Étape suivante',
    update: 'Mettre à jour',
    close: 'Clôturer',
    createQuote: 'Créer un devis',
    makeOrder: 'Créer la commande',
    delete: 'Supprimer',
    edit: 'Modifier',
    addNote: 'Ajouter une note',
    more: 'Afficher plus',
    newOpportunity: 'Nouvelle opportunité',
    addLine: 'Ajouter une ligne',
    purgeCancel: 'Annuler',
    purgeConfirm: (n: number) => `Supprimer ${opportunities(n)}`,
    workspaceDeleteConfirm: 'Supprimer toutes les données',
    workspaceDeleteCancel: 'Annuler',
  },

  card: {
    fallback: (no: string, description: string, status: string) =>
      `${description.trim() ? `${no} · ${description}` : no} — ${status}`,
    header: (no: string, description: string) => (description.trim() ? `${no} · ${description}` : no),
    field: (label: string, value: string) => `*${label}*\n${value}`,
    labels: {
      status: 'Statut',
      stage: 'Étape',
      contact: 'Contact',
      salesperson: 'Vendeur',
      salesCycle: 'Cycle de vente',
      priority: 'Priorité',
      estimatedValue: 'Valeur estimée',
      calcdCurrentValue: 'Valeur actuelle calculée',
      chances: 'Chances de succès',
      completed: 'Réalisé',
      probability: 'Probabilité',
      estimatedCloseDate: 'Date clôture estimée',
      creationDate: 'Créée le',
      dateClosed: 'Clôturée le',
      closeCode: 'Code fin opportunité',
      document: 'Devis / commande',
    },
    notStartedStage: 'Pas encore démarrée',
    /** What a move or a Won close put in place of a value nobody typed, as Business Central does. */
    replaced: (changes: string[]) => `Établi par les règles : ${changes.join(', ')}.`,
    replacedChances: (from: string, to: string, stage: number) =>
      `chances de succès ${from} → ${to} (valeur par défaut de l’étape ${stage})`,
    replacedCloseDate: (from: string, to: string, stage: number, formula: string) =>
      formula.trim()
        ? `date clôture estimée ${from} → ${to} (formule de date de l’étape : ${formula})`
        : `date clôture estimée ${from} → ${to} (l’étape ${stage} n’a pas de formule de date : la date modification)`,
    replacedValue: (from: string, to: string) => `valeur estimée ${from} → ${to} (montant du devis lié)`,
    replacedSalesAmount: (from: string, to: string) => `montant de la vente ${from} → ${to} (montant du devis lié)`,
    noDocument: 'Aucun',
    quote: (no: string, amount: string) => `Devis ${no} · ${amount}`,
    order: (no: string, amount: string) => `Commande ${no} · ${amount}`,
    closeCode: (code: string, description: string | null) => (description ? `${code} — ${description}` : code),
    historyTitle: (shown: number, total: number) =>
      shown === total
        ? `*Historique* (du plus récent au plus ancien)`
        : `*Historique* (les ${shown} plus récentes sur ${total})`,
    noHistory: 'Aucun historique pour l’instant : la première étape n’a pas été activée.',
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
        `${parts.chances} de chances`,
        parts.active
          ? 'en cours'
          : m('{n, plural, one {# jour ouvert} many {# de jours ouverts} other {# jours ouverts}}', {
              n: parts.daysOpen,
            }),
        parts.closeCode ? `code ${parts.closeCode}` : null,
      ]
        .filter((p): p is string => p !== null && p !== '')
        .join(' · '),
    /** An edit of description, contact, salesperson or priority; `changes` come from editChange. */
    historyEdit: (date: string, who: string, changes: readonly string[]) =>
      `*${date}* · Modifiée par ${who} : ${changes.join('; ')}`,
    editChange: {
      description: (from: string, to: string) => `description « ${from} » → « ${to} »`,
      contact: (from: string, to: string) => `contact ${from} → ${to}`,
      salesperson: (from: string, to: string) => `vendeur ${from} → ${to}`,
      priority: (from: string, to: string) => `priorité ${from} → ${to}`,
    },
    historyNote: (date: string, who: string, text: string) => `*${date}* · :memo: Note de ${who} : ${text}`,
    deleteConfirm: {
      title: (no: string) => `Supprimer ${no}?`,
      text: (no: string) =>
        `${no} et son historique seront supprimés. Ses tâches sont conservées. Cette action est irréversible.`,
      confirm: 'Supprimer',
      deny: 'Conserver',
    },
  },

  list: {
    titles: {
      mine: 'Vos opportunités',
      all: 'Toutes les opportunités',
      user: 'Opportunités',
      /** `list all` by a rep in a workspace where reps read only their own. */
      allOnlyOwn: 'Vos opportunités (les représentants ici ne voient que les leurs)',
    },
    fallback: (title: string, count: number) => `${title} : ${opportunities(count)}`,
    empty: 'Aucune opportunité ne correspond. Essayez `/opp list all` ou créez-en une avec `/opp new`.',
    /** An empty `list all` or `list @user`: suggesting `list all` again would lead nowhere. */
    emptyAll:
      'Aucune opportunité ne correspond. Essayez un autre filtre (p. ex. `status:all`) ou créez-en une avec `/opp new`.',
    count: (shown: number, total: number) =>
      shown === total
        ? opportunities(total)
        : m('{shown} sur {total, plural, one {# opportunité} many {# d’opportunités} other {# opportunités}}', {
            shown: String(shown),
            total,
          }),
    /** A later page: "47–92 sur 120 opportunités". */
    pageCount: (first: number, last: number, total: number) =>
      m('{first}–{last} sur {total, plural, one {# opportunité} many {# d’opportunités} other {# opportunités}}', {
        first: String(first),
        last: String(last),
        total,
      }),
    /** Totals per status over everything the list matches (never open, won and lost added together). */
    totalsByStatus: (parts: string[]) => `*Total :* ${parts.join(' · ')}`,
    openTotal: (count: number, estimated: string, calcd: string) =>
      `ouvertes (${count}) : valeur estimée ${estimated}, valeur pondérée ${calcd}`,
    wonTotal: (count: number, sales: string) => `gagnées (${count}) : montant des ventes ${sales}`,
    lostTotal: (count: number, estimated: string) => `perdues (${count}) : valeur estimée ${estimated}`,
    more: 'Afficher plus',
    moreExpired: 'Cette liste n’est plus disponible : relancez la commande pour la voir.',
    nothingNamed: (text: string) =>
      `Aucune opportunité que vous pouvez voir ne contient tous les mots de « ${text} ». \`/opp find ${text}\` affiche aussi celles qui contiennent une partie des mots; \`/opp help list\` présente les filtres de la liste.`,
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
        parts.probability === null ? null : `probabilité ${parts.probability}`,
        parts.closing === null ? null : `clôture le ${parts.closing}`,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    totals: (estimated: string, calcd: string, shownOnly: boolean) =>
      `*Total${shownOnly ? ' des opportunités affichées' : ''} :* valeur estimée ${estimated} · valeur actuelle calculée ${calcd}`,
    moreCommand: '/opp list cycle:&lt;CODE&gt; contact:&lt;contact&gt;',
  },

  home: {
    title: 'Vos opportunités ouvertes',
    intro: (count: number) =>
      m(
        'Vous avez {count, plural, one {# opportunité ouverte} many {# d’opportunités ouvertes} other {# opportunités ouvertes}}.',
        { count },
      ),
    empty:
      'Vous n’avez encore aucune opportunité ouverte. Tapez `/opp new` (ou cliquez sur le bouton) pour en créer une, et `/opp help` pour voir tout ce que le bot peut faire.',
    notStartedGroup: 'Non démarrées',
    group: (stage: string, cycle: string) => `*${stage}* (${cycle})`,
    groupTotals: (count: number, estimated: string, weighted: string) =>
      `${opportunities(count)} · valeur estimée ${estimated} · valeur pondérée ${weighted}`,
    moreCommand: '/opp list mine',
    fallback: 'Vos opportunités ouvertes',
    teamTitle: 'Le pipeline ouvert de l’équipe',
    teamIntro: (count: number, estimated: string, weighted: string) =>
      m(
        'L’équipe a {count, plural, one {# opportunité ouverte} many {# d’opportunités ouvertes} other {# opportunités ouvertes}}',
        { count },
      ) + ` : valeur estimée ${estimated} · valeur pondérée ${weighted}.`,
    teamEmpty:
      'L’équipe n’a encore aucune opportunité ouverte. Tapez `/opp new` (ou appuyez sur le bouton) pour en créer une, et `/opp help` pour voir tout ce que le bot peut faire.',
    byStage: '*Par étape*',
    bySalesperson: '*Par vendeur*',
    overviewLine: (label: string, figures: string) => `• ${label} : ${figures}`,
    moreSalespeople: (n: number) =>
      m('…et {n, plural, one {# autre vendeur} many {# d’autres vendeurs} other {# autres vendeurs}}.', { n }),
    pageRange: (from: number, to: number, total: number) =>
      m('Opportunités {from, number} à {to, number} sur {total, number}.', { from, to, total }),
    nextPage: 'Page suivante',
    firstPage: 'Première page',
  },

  modal: {
    unavailableTitle: 'Action impossible',
    create: {
      title: 'Nouvelle opportunité',
      submit: 'Créer',
      description: 'Description',
      descriptionPlaceholder: 'p. ex. 20 ordinateurs portables pour Acme',
      contact: 'Contact',
      contactPlaceholder: 'Tapez un nom ou un numéro',
      salesperson: 'Vendeur',
      salesCycle: 'Cycle de vente',
      priority: 'Priorité',
      activate: 'Démarrage',
      activateOption: 'Activer la première étape maintenant',
      activateHint: 'Si cette case est cochée, la valeur estimée, les chances et la date clôture sont obligatoires.',
      estimatedValue: 'Valeur estimée',
      chances: '% chances de succès',
      estimatedCloseDate: 'Date clôture estimée',
      noCycles:
        'Aucun cycle de vente n’est encore utilisable. Ajoutez-en un avec `/opp cycle add`, puis ses étapes avec `/opp stage add`.',
    },
    update: {
      title: (no: string) => `Mettre à jour ${no}`,
      submit: 'Enregistrer',
      context: (no: string, where: string) => `*${no}* — ${where}`,
      currentStage: (stage: string) => `actuellement à l’étape ${stage}`,
      notStarted: 'pas encore démarrée',
      actionType: 'Que voulez-vous faire?',
      targetStage: 'Étape cible',
      movesTo: (stage: string) => `Passe à l’étape ${stage}.`,
      staysAt: (stage: string) => `Reste à l’étape ${stage}; seules les estimations changent.`,
      quoteWarning: (stage: string, no: string) =>
        `:warning: L’étape ${stage} exige un devis avant de pouvoir y passer. Créez-en un d’abord avec \`/opp quote ${no}\`.`,
      stageChancesHint:
        'Pour Ignorer et Omettre, le % chances de succès de l’étape cible remplace ce que vous saisissez ici.',
      dateOfChange: 'Date modification',
      estimatedValue: 'Valeur estimée',
      chances: '% chances de succès',
      estimatedCloseDate: 'Date clôture estimée',
      closeDateHint: 'Laissez la date modification pour utiliser la formule de date de l’étape.',
      cancelTasks: 'Tâches',
      cancelTasksOption: 'Annuler les tâches ouvertes de cette opportunité',
      nothingPossible: (no: string) =>
        `${no} ne peut pas être déplacée : elle est clôturée, ou son cycle de vente n’a aucune étape. Les codes fin opportunité et les étapes se configurent avec \`/opp help setup\`.`,
    },
    close: {
      title: (no: string) => `Clôturer ${no}`,
      submit: 'Clôturer',
      context: (no: string) => `La clôture de *${no}* enregistre le résultat et termine son parcours dans le pipeline.`,
      /** Make Order on an open opportunity: it is closed as Won first (Business Central asks the same). */
      forOrderSubmit: 'Clôturer et créer la commande',
      forOrderContext: (no: string) =>
        `*${no}* est encore ouverte : la création de la commande la clôture d’abord comme gagnée, avec le montant du devis. La commande est ensuite créée à partir du devis.`,
      outcome: 'Résultat',
      closeCode: 'Code fin opportunité',
      chooseOutcomeFirst: 'Choisissez Gagnée ou Perdue pour voir les codes fin opportunité correspondants.',
      noCodes: (outcome: string) =>
        `Il n’existe encore aucun code fin opportunité pour le résultat ${outcome}. Ajoutez-en un avec \`/opp code add &lt;CODE&gt; ${outcome.toLowerCase()} &lt;description&gt;\`.`,
      closingDate: 'Date clôture',
      salesAmount: 'Montant de la vente',
      salesAmountFromQuote: (amount: string) =>
        `Le montant du devis lié (${amount}) est utilisé comme montant de la vente.`,
      cancelTasks: 'Tâches',
      cancelTasksOption: 'Annuler les tâches ouvertes de cette opportunité',
    },
    quote: {
      title: (no: string) => `Devis pour ${no}`,
      submit: 'Créer le devis',
      context: (no: string) => `Lignes du devis pour *${no}*. Laissez une ligne vide pour l’ignorer.`,
      description: (i: number) => `Ligne ${i} · description`,
      quantity: (i: number) => `Ligne ${i} · quantité`,
      unitPrice: (i: number) => `Ligne ${i} · prix unitaire`,
      discount: (i: number) => `Ligne ${i} · % remise`,
      total: (amount: string, lines: number) =>
        `*Total :* ${amount} (${m('{lines, plural, one {# ligne complète} many {# de lignes complètes} other {# lignes complètes}}', { lines })})`,
      maxLines: (max: number, no: string) =>
        `Ce formulaire accepte jusqu’à ${max} lignes. Pour davantage, utilisez \`/opp quote ${no} line:"description;quantité;prix"\`.`,
    },
    edit: {
      title: (no: string) => `Modifier ${no}`,
      submit: 'Enregistrer',
      context: (no: string, status: string) =>
        `*${no}* — ${status}. L’étape et les estimations se modifient avec Mettre à jour.`,
      description: 'Description',
      contact: 'Contact',
      contactPlaceholder: 'Tapez un nom ou un numéro',
      contactStartedHint:
        'Une fois l’opportunité démarrée, le contact ne peut changer qu’au sein de la même entreprise.',
      salesperson: 'Vendeur',
      salespersonHint: 'Si vous la confiez à quelqu’un d’autre, cette personne en est avisée par message direct.',
      priority: 'Priorité',
      closedHint: 'Elle est clôturée : seule la description peut encore changer.',
    },
    note: {
      title: 'Ajouter une note',
      submit: 'Enregistrer',
      context: (no: string, description: string) =>
        `Consigne une interaction sur *${no}* ${description}, datée d’aujourd’hui. Elle s’affiche dans l’historique de la fiche et compte dans \`/opp stats ${no}\`.`,
      text: 'Note',
      placeholder: 'p. ex. Appel à Pat : veut un deuxième devis d’ici vendredi',
    },
    salesCycle: {
      title: 'Cycle de vente',
      submit: 'Enregistrer',
      code: 'Code',
      codeHint: 'Jusqu’à 10 lettres ou chiffres, p. ex. FIRM.',
      description: 'Description',
      calculation: 'Calcul de la probabilité',
      blocked: 'Bloqué',
      blockedOption: 'Bloqué : les nouvelles opportunités ne peuvent pas l’utiliser',
      editTitle: 'Modifier cycle de vente',
      editAbout: (code: string) =>
        `Cycle de vente *${code}* (son code reste; \`/opp cycle block\` le bloque). Les opportunités gardent la probabilité avec laquelle leurs écritures ont été faites; un nouveau calcul s’applique à partir de leur prochain changement.`,
    },
    stage: {
      title: 'Étape cycle de vente',
      submit: 'Enregistrer',
      cycle: 'Cycle de vente',
      stageNo: 'Numéro d’étape',
      stageNoHint: 'Les étapes sont triées par numéro; les écarts sont permis (10, 20, 30).',
      description: 'Description',
      completed: '% réalisé',
      chances: '% chances de succès',
      flags: 'Options',
      quoteRequired: 'Devis requis pour y entrer',
      allowSkip: 'Peut être ignorée',
      dateFormula: 'Formule date',
      dateFormulaHint: 'Propose la date clôture, p. ex. 10D, 2W, 1M ou CM (fin du mois).',
      activityCode: 'Code activité',
      noCycles: 'Ajoutez d’abord un cycle de vente avec `/opp cycle add`.',
      editTitle: 'Modifier l’étape',
      editAbout: (cycle: string, stage: number) =>
        `Étape *${stage}* du cycle de vente *${cycle}*. Les écritures déjà faites gardent leurs chiffres et leur description; les changements s’appliquent à partir du prochain passage à cette étape ou de la prochaine mise à jour à celle-ci.`,
    },
    closeCode: {
      title: 'Code fin opportunité',
      submit: 'Enregistrer',
      code: 'Code',
      type: 'Utilisé quand une opportunité est',
      description: 'Description',
      editTitle: 'Modifier code fin',
      editAbout: (code: string, type: string) =>
        `Code fin opportunité *${code}* (${type}) : son code et son type restent, car des opportunités ont été clôturées avec eux.`,
    },
    contact: {
      title: 'Nouveau contact',
      submit: 'Enregistrer',
      name: 'Nom',
      type: 'Type',
      company: 'Entreprise',
      companyHint: 'Pour une personne : l’entreprise pour laquelle elle travaille.',
      companyPlaceholder: 'Tapez le nom d’une entreprise',
      email: 'Courriel',
      customer: 'Client',
      customerOption: 'Créer aussi le client',
      editTitle: 'Modifier le contact',
      editAbout: (no: string, type: string) => `Contact *${no}* (${type}).`,
      editCompanyHint:
        'Une personne qui change d’entreprise laisse ses opportunités, tâches, devis et commandes de l’ancienne entreprise à celle-ci, comme le fait Business Central.',
      leaveCompany: 'Départ de l’entreprise',
      leaveCompanyOption: 'Ne travaille plus pour une entreprise',
      customerLinked: (no: string) => `Lié au client ${no}.`,
      unlinkCustomerOption: 'Retirer le lien client (seulement si aucun devis ni commande n’utilise le client)',
    },
  },

  errors: {
    required: 'Remplissez ce champ.',
    pickOne: 'Choisissez une des options.',
    pickDate: 'Choisissez une date.',
    pickContact: 'Choisissez un contact.',
    pickUser: 'Choisissez une personne.',
    pickOutcome: 'Choisissez Gagnée ou Perdue.',
    pickCloseCode: 'Choisissez un code fin opportunité.',
    tooLong: (max: number) => `Utilisez au plus ${max} caractères.`,
    amount: 'Entrez un montant comme 12 000,50',
    amountAmbiguous: 'Écrivez 12000 ou 12 000 : un point suivi de trois chiffres est ambigu.',
    amountDecimals: 'Utilisez au plus 2 décimales.',
    amountRange: 'Entrez un montant entre 0 et 999 999 999 999,99',
    otherCurrency: (text: string, currency: string) =>
      `${text} est exprimé dans une autre devise, alors que les montants de cet espace de travail sont en ${currency} : indiquez-le en ${currency} ou sans symbole de devise.`,
    mustBePositive: 'Entrez un montant supérieur à 0.',
    percent: 'Entrez un pourcentage entre 0 et 100, comme 40 ou 12,5',
    percentPositive: 'Entrez un pourcentage supérieur à 0.',
    percentWhole: 'Utilisez un nombre entier entre 0 et 100.',
    quantity: 'Entrez une quantité supérieure à 0, comme 2 ou 1,5',
    closeBeforeChange: 'La date clôture ne peut pas être antérieure à la date modification.',
    code: 'Utilisez de 1 à 10 lettres ou chiffres, sans espace.',
    stageNo: 'Entrez un numéro d’étape entier, égal ou supérieur à 1.',
    dateFormula: 'Utilisez des termes comme 10D, 2W, 1M, 1Q, 1Y ou CM, reliés par + ou -, p. ex. 1M+CM.',
    email: 'Entrez une adresse courriel comme nom@exemple.com',
    noLines: 'Remplissez au moins une ligne.',
    companyOnlyForPerson:
      'Seule une personne peut appartenir à une entreprise; laissez ce champ vide pour une entreprise.',
    customerNeedsCompany:
      'Un client est créé à partir d’une entreprise : choisissez l’entreprise, ou décochez « Créer aussi le client ».',
  },

  find: {
    title: (text: string) => `Opportunités correspondant à « ${text} »`,
    severalTitle: (text: string) => `« ${text} » correspond à plusieurs opportunités : choisissez-en une`,
    fallback: (text: string, total: number) => `${opportunities(total)} correspondant à « ${text} »`,
    count: (from: number, to: number, total: number) =>
      from === 1 && to === total
        ? `${opportunities(total)}, les meilleures correspondances d’abord`
        : m(
            '{from}–{to} sur {total, plural, one {# opportunité} many {# d’opportunités} other {# opportunités}}, les meilleures correspondances d’abord',
            { from: String(from), to: String(to), total },
          ),
    empty: (text: string) =>
      `Aucune opportunité que vous pouvez voir ne correspond à « ${text} ». Essayez moins de mots ou d’autres mots, ou \`/opp list all\`.`,
    moreHint: 'Afficher plus montre les suivantes.',
    expired: 'Cette recherche a expiré : relancez `/opp find`.',
  },

  purge: {
    fallback: (n: number) =>
      m(
        'Supprimer {n, plural, one {# opportunité clôturée} many {# d’opportunités clôturées} other {# opportunités clôturées}}?',
        { n },
      ),
    title: (n: number) =>
      m(
        '{n, plural, one {*Cette opportunité clôturée serait supprimée*, avec son historique :} many {*Ces # d’opportunités clôturées seraient supprimées*, avec leur historique :} other {*Ces # opportunités clôturées seraient supprimées*, avec leur historique :}}',
        { n },
      ),
    line: (no: string, description: string, status: string, closed: string | null) =>
      `• *${no}* ${description} · ${status}${closed ? ` · clôturée le ${closed}` : ''}`,
    more: (n: number) => `${m('…et {n, plural, one {# autre} many {# d’autres} other {# autres}}', { n })}.`,
    filter: (parts: string[]) =>
      parts.length === 0 ? 'Filtre : toutes les opportunités clôturées.' : `Filtre : ${parts.join(' · ')}.`,
    filterParts: {
      status: (s: string) => `statut ${s}`,
      closedBefore: (d: string) => `clôturées avant le ${d}`,
      closedAfter: (d: string) => `clôturées après le ${d}`,
      owner: (code: string) => `vendeur ${code}`,
      contact: (no: string) => `contact ${no}`,
      cycle: (code: string) => `cycle ${code}`,
      both: 'gagnées ou perdues',
    },
    nothing: 'Aucune opportunité clôturée ne correspond à ce filtre; rien ne serait supprimé.',
    warning: 'Les tâches sont conservées. Cette action est irréversible.',
  },

  workspaceDelete: {
    fallback: 'Supprimer toutes les données du pipeline de cet espace de travail?',
    text: (opportunities: number, contacts: number) =>
      `*Supprimer toutes les données du pipeline de cet espace de travail?* ${m('{n, plural, one {# opportunité} many {# d’opportunités} other {# opportunités}}', { n: opportunities })} avec leur historique, leurs devis, commandes et tâches, ${m('{n, plural, one {# contact} many {# de contacts} other {# contacts}}', { n: contacts })} et les clients, cycles de vente, codes fin opportunité, activités, abonnements aux sommaires, rôles et paramètres.`,
    warning:
      'Cette action est irréversible. L’application reste installée; les autres espaces de travail ne sont pas touchés.',
  },

  setup: {
    edit: 'Modifier',
    cycles: {
      title: 'Cycles de vente',
      moreCommand: '/opp cycle list',
      empty: 'Aucun cycle de vente pour l’instant. Ajoutez-en un avec `/opp cycle add FIRM Ventes fermes`.',
      line: (code: string, description: string, calc: string, stages: number, blocked: boolean) =>
        `*${code}* ${description} · ${m('{stages, plural, one {# étape} many {# d’étapes} other {# étapes}}', { stages })} · ${calc}${blocked ? ' · :no_entry: bloqué' : ''}`,
    },
    stages: {
      edit: (stage: number) => `Modifier l’étape ${stage}`,
      title: (cycle: string) => `Étapes de ${cycle}`,
      empty: (code: string) =>
        `Le cycle de vente ${code} n’a encore aucune étape. Ajoutez-en une avec \`/opp stage add ${code} 1 Qualification completed:10 chance:20\`.`,
      moreCommand: (code: string) => `/opp stage list ${code}`,
      columns: ['Étape', 'Description', 'Réal.', 'Chances', 'Devis', 'Ignorer', 'Formule'],
      calculation: (calc: string) => `Probabilité : ${calc}`,
    },
    closeCodes: {
      title: 'Codes fin opportunité',
      moreCommand: '/opp code list',
      empty: 'Aucun code fin opportunité pour l’instant. Ajoutez-en un avec `/opp code add WIN gagnée Meilleur prix`.',
      line: (code: string, type: string, description: string, uses: number) =>
        `*${code}* (${type}) ${description} · ${m('{uses, plural, =0 {inutilisé} one {utilisé # fois} many {utilisé # de fois} other {utilisé # fois}}', { uses })}`,
    },
    contacts: {
      title: 'Contacts',
      empty: 'Aucun contact trouvé. Ajoutez-en un avec `/opp contact add "Acme Corp" company`.',
      line: (no: string, name: string, type: string, company: string | null, customerNo: string | null) =>
        [`*${no}* ${name}`, type, company, customerNo ? `client ${customerNo}` : null]
          .filter((p): p is string => p !== null)
          .join(' · '),
      moreCommand: '/opp contact list &lt;texte recherché&gt;',
    },
  },

  replies: {
    error: (sentence: string) => `:warning: ${sentence}`,
    success: (sentence: string) => `:white_check_mark: ${sentence}`,
    notice: (sentence: string) => `:information_source: ${sentence}`,
  },
} as const;

export const ui = trusted(french);
