// Phrases qui confirment ce qu’une commande a fait, et les annonces dans les canaux (français, Canada).
// Part of the one catalogue: the same keys and parameters as src/i18n/en/notices.ts.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('fr');

interface ShownSettings {
  repsSeeOnlyOwn: boolean;
  repsAddContacts: boolean;
  currency: string;
  defaultSalesCycleCode: string | null;
  staleDays: number;
  language: string;
}
const french = {
  cycleAdded: (code: string) =>
    `Cycle de vente ${code} ajouté. Ajoutez ses étapes avec \`/opp stage add ${code} &lt;no étape&gt; &lt;description&gt; completed:&lt;%&gt; chance:&lt;%&gt;\`.`,
  stageAdded: (cycle: string, stage: number) => `Étape ${stage} ajoutée au cycle de vente ${cycle}.`,
  codeAdded: (code: string, type: 'won' | 'lost') =>
    `Code fin opportunité ${code} (${type === 'won' ? 'Gagnée' : 'Perdue'}) ajouté.`,
  // ---- modifications de la configuration : chaque changement se lit « champ avant → après »; ils sont joints par « ; »
  setupField: {
    description: 'description',
    completed: '% réalisé',
    chances: '% chances de succès',
    quoteRequired: 'devis requis',
    allowSkip: 'peut être ignorée',
    dateFormula: 'formule date',
    activity: 'activité',
    calculation: 'calcul de la probabilité',
    name: 'nom',
    company: 'entreprise',
    customer: 'client',
  },
  setupChange: (field: string, before: string, after: string) => `${field} ${before} → ${after}`,
  setupNone: 'aucun',
  quoted: (text: string) => `« ${text} »`,
  setupUnchanged: 'Rien n’a changé : les valeurs étaient déjà celles-là.',
  cycleEdited: (code: string, changes: string, calculationChanged: boolean) =>
    `Cycle de vente ${code} modifié : ${changes}.${calculationChanged ? ' Les opportunités gardent la probabilité avec laquelle leurs écritures ont été faites; le nouveau calcul s’applique à partir de leur prochain changement.' : ''}`,
  stageEdited: (cycle: string, stage: number, changes: string) =>
    `Étape ${stage} du cycle de vente ${cycle} modifiée : ${changes}. Les écritures déjà faites gardent leurs chiffres; les nouvelles valeurs s’appliquent à partir du prochain passage à cette étape ou de la prochaine mise à jour à celle-ci.`,
  codeEdited: (code: string, changes: string) => `Code fin opportunité ${code} modifié : ${changes}.`,
  contactEdited: (name: string, no: string, changes: string, handedOver: number, oldCompany: string | null) =>
    `Contact ${name} (${no}) modifié : ${changes}.` +
    (handedOver > 0 && oldCompany !== null
      ? m(
          ' {n, plural, one {# de ses opportunités chez {company} reste à {company}, désormais son contact (avec son historique, ses tâches, son devis et sa commande)} many {# de ses opportunités chez {company} restent à {company}, désormais leur contact (avec leur historique, leurs tâches, leurs devis et leurs commandes)} other {# de ses opportunités chez {company} restent à {company}, désormais leur contact (avec leur historique, leurs tâches, leurs devis et leurs commandes)}}, comme dans Business Central.',
          { n: handedOver, company: oldCompany },
        )
      : ''),
  cycleBlocked: (code: string, blocked: boolean) =>
    blocked
      ? `Le cycle de vente ${code} est bloqué : les nouvelles opportunités ne peuvent pas l’utiliser; celles qui l’utilisent déjà continuent comme avant.`
      : `Le cycle de vente ${code} n’est plus bloqué : les nouvelles opportunités peuvent de nouveau l’utiliser.`,
  cycleDeleted: (code: string) => `Cycle de vente ${code} supprimé, avec ses étapes.`,
  stageDeleted: (cycle: string, stage: number) => `Étape ${stage} supprimée du cycle de vente ${cycle}.`,
  codeDeleted: (code: string) => `Code fin opportunité ${code} supprimé.`,
  contactAdded: (name: string, no: string, customerNo: string | null) =>
    `Contact ${name} (${no}) ajouté${customerNo ? `, avec le client ${customerNo}` : ''}.`,
  customerAdded: (name: string, no: string, created: boolean) =>
    created ? `Client ${no} créé pour ${name}.` : `${name} est déjà le client ${no}.`,
  activityAdded: (code: string, steps: number) =>
    m('Activité {code} ajoutée avec {steps, plural, one {# étape} many {# d’étapes} other {# étapes}}.', {
      code,
      steps,
    }),
  activityList: (lines: string[]) =>
    lines.length
      ? `*Activités*\n${lines.join('\n')}`
      : 'Aucune activité pour l’instant. Ajoutez-en une avec `/opp activity add &lt;CODE&gt; &lt;description&gt; step:"Appel;1W"`.',
  activityLine: (code: string, description: string, steps: string) =>
    `• *${code}* ${description}${steps ? ` — ${steps}` : ''}`,
  created: (no: string) => `Opportunité ${no} créée.`,
  moved: (no: string) => `Opportunité ${no} mise à jour.`,
  /** The direct message a new salesperson gets when someone else gives them an opportunity. */
  reassignedToYou: (actor: string, no: string, description: string, from: string | null) =>
    `${actor} vous a confié *${no}* ${description}${from ? ` (auparavant à ${from})` : ''} : vous en êtes maintenant le vendeur. \`/opp show ${no}\` l’affiche.`,
  reassignedFallback: (no: string) => `Vous êtes maintenant le vendeur de ${no}.`,
  deleted: (no: string, description: string) =>
    `L’opportunité ${no} (${description}) et son historique ont été supprimés.`,
  purged: (count: number) =>
    m(
      '{count, plural, one {# opportunité clôturée a été supprimée} many {# d’opportunités clôturées ont été supprimées} other {# opportunités clôturées ont été supprimées}}.',
      { count },
    ),
  purgeCancelled: 'Rien n’a été supprimé.',
  purgeExpired:
    'Cette confirmation a expiré; rien n’a été supprimé. Exécutez de nouveau `/opp purge` pour voir ce qui serait supprimé.',
  wonAnnouncement: (person: string, no: string, description: string, amount: string) =>
    `:tada: ${person} a gagné ${no} ${description} (${amount}).`,
  quoteAnnouncement: (person: string, quoteNo: string, no: string, description: string, amount: string) =>
    `:page_facing_up: ${person} a créé le devis ${quoteNo} pour ${no} ${description} (${amount}).`,
  orderAnnouncement: (person: string, orderNo: string, no: string, amount: string) =>
    `:package: ${person} a créé la commande vente ${orderNo} à partir du devis de ${no} (${amount}).`,
  digestPosted: 'Le sommaire du pipeline est publié dans ce canal.',
  digestDelayed: (reason: string) =>
    `Le sommaire n’a pas pu être publié pour l’instant (${reason}); je réessaierai sous peu.`,
  digestRateLimited: 'Slack nous a demandé de ralentir',
  subscribed: (channel: string, schedule: string, next: string) =>
    `${channel} recevra le sommaire du pipeline ${schedule}. Le prochain : ${next}.`,
  subscriptionReplaced: (channel: string, schedule: string, cycle: string | null) =>
    `Il remplace le sommaire que ${channel} recevait ${schedule}${cycle ? ` (cycle de vente ${cycle})` : ''} : un canal n’a qu’une seule planification.`,
  unsubscribed: (channel: string) => `${channel} ne recevra plus de sommaires planifiés.`,
  notSubscribed: (channel: string) => `${channel} n’a aucun sommaire planifié; rien n’a changé.`,
  noSubscriptions:
    'Aucun canal n’a encore de sommaire planifié. Créez-en un avec `/opp subscribe #canal weekly day:monday at:08:00`.',
  subscriptionsTitle: '*Sommaires planifiés*',
  subscriptionLine: (channel: string, schedule: string, cycle: string | null, next: string) =>
    `• ${channel} ${schedule}${cycle ? ` (cycle de vente ${cycle})` : ''} — prochain : ${next}`,
  scheduleDaily: (at: string, zone: string) => `tous les jours à ${at} (${zone})`,
  scheduleWeekly: (weekday: string, at: string, zone: string) => `chaque ${weekday} à ${at} (${zone})`,
  scheduleMonthly: (day: number, at: string, zone: string) =>
    `chaque mois, ${day >= 31 ? 'le dernier jour' : `le ${day}`}, à ${at} (${zone})`,
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  exported: (count: number) =>
    m(
      '{count, plural, one {# opportunité exportée} many {# d’opportunités exportées} other {# opportunités exportées}} : le fichier CSV se trouve dans vos messages directs avec l’application.',
      { count },
    ),
  exportSent: (count: number) =>
    m(
      'Votre exportation : {count, plural, one {# opportunité} many {# d’opportunités} other {# opportunités}}, dans un fichier CSV.',
      { count },
    ),
  exportTitle: (date: string) => `Opportunités ${date}`,
  exportFailed:
    'Slack n’a pas accepté le fichier CSV pour le moment, donc rien ne vous a été envoyé. Veuillez relancer l’exportation dans un instant.',
  firstAdmin:
    'Personne n’avait encore le rôle d’administrateur dans cet espace de travail; vous en êtes donc maintenant l’administrateur : vous configurez les cycles de vente, les codes et les contacts, et attribuez les rôles avec `/opp role @utilisateur admin|manager|rep` (voir `/opp roles`).',
  roleGranted: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} est maintenant ${roleWithArticle(role)} dans cet espace de travail.`,
  roleUnchanged: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} est déjà ${roleWithArticle(role)}; rien n’a changé.`,
  /** Admins and managers as mentions. */
  roles: (admins: string[], managers: string[]) =>
    [
      '*Rôles dans cet espace de travail*',
      `Administrateurs : ${mentions(admins)}`,
      `Gestionnaires : ${mentions(managers)}`,
      'Toutes les autres personnes sont des représentants. Les administrateurs changent les rôles avec `/opp role @utilisateur admin|manager|rep`.',
    ].join('\n'),
  settings: (s: ShownSettings) =>
    [
      '*Paramètres de cet espace de travail*',
      `• Les représentants ne voient que leurs propres opportunités : ${s.repsSeeOnlyOwn ? 'oui' : 'non'} (\`reps-see-own:${s.repsSeeOnlyOwn ? 'no' : 'yes'}\` pour le changer)`,
      `• Les représentants et les gestionnaires ajoutent des contacts : ${s.repsAddContacts ? 'oui' : 'non, seulement les administrateurs'} (\`reps-add-contacts:${s.repsAddContacts ? 'no' : 'yes'}\` pour le changer)`,
      `• Devise des montants : ${s.currency} (p. ex. \`currency:CAD\`)`,
      `• Cycle de vente par défaut des nouvelles opportunités : ${s.defaultSalesCycleCode ?? 'aucun'} (\`default-cycle:&lt;CODE&gt;\` ou \`default-cycle:none\`)`,
      `• Les sommaires considèrent une opportunité comme inactive après ${m('{n, plural, one {# jour} many {# de jours} other {# jours}}', { n: s.staleDays })} sans changement (\`stale-days:&lt;jours&gt;\`)`,
      `• Langue des publications dans les canaux : ${s.language} (\`language:fr\`; un canal peut choisir la sienne avec \`/opp language #canal fr\`)`,
      'Les administrateurs les changent avec `/opp setting &lt;clé&gt;:&lt;valeur&gt;`, plusieurs à la fois s’ils le souhaitent.',
    ].join('\n'),
  repsSeeOwnChanged: (repsSeeOnlyOwn: boolean) =>
    repsSeeOnlyOwn
      ? 'Les représentants ne voient maintenant que les opportunités dont ils sont le vendeur; les gestionnaires et les administrateurs les voient toutes.'
      : 'Les représentants voient de nouveau toutes les opportunités de l’espace de travail (ils ne modifient toujours que les leurs).',
  repsAddContactsChanged: (repsAddContacts: boolean) =>
    repsAddContacts
      ? 'Les représentants et les gestionnaires peuvent maintenant ajouter des contacts (`/opp contact add`); un nouveau prospect n’a donc pas à attendre un administrateur.'
      : 'Seuls les administrateurs ajoutent maintenant des contacts; les représentants et les gestionnaires choisissent parmi les contacts existants.',
  languageChanged: (language: string) =>
    `Les canaux qui n’ont pas choisi de langue reçoivent maintenant les sommaires et les annonces en ${language}.`,
  languageShown: (yours: string, chosen: boolean, channel: string | null, channelLanguage: string | null) =>
    [
      chosen
        ? `Je vous réponds en ${yours}, comme vous l’avez choisi (\`/opp language auto\` pour suivre la langue de Slack).`
        : `Je vous réponds en ${yours}, la langue de votre Slack (\`/opp language it\`, par exemple, pour en choisir une autre).`,
      channel && channelLanguage
        ? `Les sommaires et les annonces de ${channel} sont rédigés en ${channelLanguage}.`
        : null,
      'Langues : `en`, `fr`, `it`, `nb`, `zh`. Les gestionnaires et les administrateurs choisissent celle d’un canal avec `/opp language #canal fr`.',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  languageChosen: (language: string) => `Désormais, je vous réponds en ${language}.`,
  languageAuto: (language: string) => `Je suis de nouveau la langue de votre Slack : ${language}.`,
  channelLanguageChosen: (channel: string, language: string) =>
    `Les sommaires et les annonces de ${channel} seront désormais rédigés en ${language}.`,
  channelLanguageAuto: (channel: string, language: string) =>
    `${channel} n’a plus de langue à lui : ses sommaires et ses annonces suivent celle de l’espace de travail, le ${language}.`,
  currencyChanged: (currency: string) => `Les montants sont maintenant affichés en ${currency}.`,
  defaultCycleChanged: (code: string | null) =>
    code === null
      ? 'Les nouvelles opportunités n’ont plus de cycle de vente par défaut : s’il y a plusieurs cycles, chacun choisit le sien.'
      : `Les nouvelles opportunités reçoivent maintenant le cycle de vente ${code}, sauf si un autre est choisi.`,
  staleDaysChanged: (days: number) =>
    m(
      'Les sommaires considèrent maintenant une opportunité comme inactive après {days, plural, one {# jour} many {# de jours} other {# jours}} sans changement.',
      { days },
    ),
  workspaceDeleted: (opportunities: number, contacts: number) =>
    m(
      'Toutes les données du pipeline de cet espace de travail ont été supprimées : {opportunities, plural, one {# opportunité} many {# d’opportunités} other {# opportunités}}, {contacts, plural, one {# contact} many {# de contacts} other {# contacts}}, ainsi que la configuration, les abonnements, les rôles et les paramètres. Comme dans un nouvel espace de travail, la prochaine personne qui utilisera /opp en deviendra l’administrateur.',
      { opportunities, contacts },
    ),
  workspaceDeleteCancelled: 'Rien n’a été supprimé.',
  workspaceDeleteExpired:
    'Cette confirmation a expiré ou a déjà été utilisée; rien n’a été supprimé. Exécutez de nouveau `/opp workspace delete` si vous le souhaitez toujours.',
  // ---- alertes de canal (`/opp alert …`) et les messages qu’elles publient
  alerts: {
    added: (id: number, channel: string, kinds: string, filters: string) =>
      `Alerte ${id} : ${channel} sera averti chaque fois que des opportunités sont ${kinds} (${filters}). Plusieurs changements apportés à une même opportunité en moins d’une minute sont regroupés en un seul message. \`/opp alert remove ${id}\` y met fin.`,
    removed: (id: number, channel: string) =>
      `Alerte ${id} supprimée : ${channel} ne sera plus averti de ces changements.`,
    none: 'Aucun canal n’a encore d’alerte. Créez-en une avec `/opp alert #affaires won lost value:&gt;50k`.',
    title: '*Alertes de canal*',
    line: (id: number, channel: string, kinds: string, filters: string) =>
      `• *${id}* ${channel} : ${kinds} (${filters})`,
    lineDisabled: (id: number, channel: string, kinds: string, filters: string, since: string) =>
      `• *${id}* ${channel} : ${kinds} (${filters}) — désactivée depuis le ${since} : je ne peux plus y publier`,
    kinds: {
      created: 'créées',
      stage: 'passées à une autre étape',
      won: 'gagnées',
      lost: 'perdues',
      reassigned: 'confiées à un autre vendeur',
    },
    kindSeparator: ', ',
    everyOpportunity: 'toutes les opportunités',
    valueAbove: (amount: string) => `valeur supérieure à ${amount}`,
    valueAtLeast: (amount: string) => `valeur d’au moins ${amount}`,
    valueBelow: (amount: string) => `valeur inférieure à ${amount}`,
    valueAtMost: (amount: string) => `valeur d’au plus ${amount}`,
    cycleFilter: (code: string) => `cycle de vente ${code}`,
    ownerFilter: (person: string) => `vendeur ${person}`,
    filterSeparator: ' · ',
    someone: 'Quelqu’un',
    created: (person: string, no: string, description: string) => `:new: ${person} a créé *${no}* ${description}.`,
    moved: (person: string, no: string, description: string, stage: string) =>
      `:arrow_right: ${person} a fait passer *${no}* ${description} à l’étape ${stage}.`,
    won: (person: string, no: string, description: string, amount: string) =>
      `:tada: ${person} a gagné *${no}* ${description} (${amount}).`,
    lost: (person: string, no: string, description: string, amount: string) =>
      `:x: ${person} a perdu *${no}* ${description} (${amount}).`,
    reassigned: (person: string, no: string, description: string, to: string) =>
      `:bust_in_silhouette: ${person} a confié *${no}* ${description} à ${to}.`,
    figures: (stage: string, value: string, weighted: string, closing: string, owner: string) =>
      `Étape : ${stage} · Valeur estimée : ${value} · Valeur pondérée : ${weighted} · Clôture : ${closing} · Vendeur : ${owner}`,
    fallback: (no: string, description: string) => `Alerte du pipeline : ${no} ${description}`,
    disabledForAdmins: (id: number, channel: string, reason: string) =>
      `L’alerte ${id} de ${channel} est désactivée : je ne peux plus y publier (Slack indique \`${reason}\`; le canal a été archivé ou supprimé, ou j’en ai été retiré). Invitez-moi de nouveau dans le canal et recréez l’alerte avec \`/opp alert\`, ou supprimez-la avec \`/opp alert remove ${id}\`.`,
  },
} as const;

export const notices = trusted(french);

function roleWithArticle(role: 'admin' | 'manager' | 'rep'): string {
  return role === 'admin' ? 'administrateur' : role === 'manager' ? 'gestionnaire' : 'représentant';
}

function mentions(people: string[]): string {
  return people.length === 0 ? 'aucun' : people.join(', ');
}
