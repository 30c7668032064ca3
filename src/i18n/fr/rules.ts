// French (Canada) sentences for the rule problems, written for a sales rep: what went wrong and what to do.
import type { Formatter } from '../format.ts';
import { icuFor } from '../icu.ts';
import { catalogueText, escapeFields, type Markup } from '../markup.ts';
import type { Decimal } from '../../domain/decimal.ts';
import type { LocalDate } from '../../domain/local-date.ts';
import type { MoveAction, OpportunityStatus } from '../../domain/opportunity.ts';
import type { GuardedAction } from '../../domain/permissions.ts';
import {
  assertNever,
  type CodeEntity,
  type DuplicateEntity,
  type PercentField,
  type PositiveField,
  type Problem,
  type QuoteLineField,
  type RequiredField,
  type TextField,
} from '../../domain/problems.ts';

const m = icuFor('fr');

/**
 * The sentence for a problem; every text in it that came from a person is escaped first, and its dates
 * are written by the reader's formatter.
 */
export function describeRuleProblem(problem: Problem, format: Formatter): Markup {
  return catalogueText(sentence(escapeFields(problem), format));
}

function sentence(problem: Problem, format: Formatter): string {
  const formatDate = (date: LocalDate): string => format.date(date);
  switch (problem.kind) {
    case 'action-not-available':
      if (problem.notStarted && problem.action !== 'first')
        return `L’opportunité ${problem.opportunityNo} n’a pas encore été démarrée : activez d’abord sa première étape (Activer la première étape sur sa fiche, ou /opp move ${problem.opportunityNo}).`;
      return `L’action « ${actionLabel(problem.action)} » n’est pas possible pour l’opportunité ${problem.opportunityNo} pour le moment : ${actionHint(problem.action)}.`;
    case 'no-stages':
      return `Le cycle de vente ${problem.cycle} n’a encore aucune étape; ajoutez-lui d’abord une étape.`;
    case 'stage-not-allowed':
      if (problem.allowed.length === 0)
        return `L’action « ${actionLabel(problem.action)} » n’a aucune étape de destination.`;
      return Number.isFinite(problem.stage)
        ? `L’étape ${problem.stage} n’est pas une destination valide pour l’action « ${actionLabel(problem.action)} »; choisissez parmi ${problem.allowed.join(', ')}.`
        : `Choisissez une étape pour l’action « ${actionLabel(problem.action)} » parmi ${problem.allowed.join(', ')}.`;
    case 'quote-required':
      return `Vous ne pouvez pas passer à l’étape ${stageName(problem.stage, problem.stageDescription)} tant qu’aucun devis n’est attribué à l’opportunité.`;
    case 'date-of-change-before-last':
      return `La date modification (${formatDate(problem.dateOfChange)}) ne peut pas être antérieure à la dernière date modification (${formatDate(problem.lastDateOfChange)}).`;
    case 'must-be-positive':
      if (problem.untypedOn !== undefined)
        return `L’opportunité ${problem.untypedOn} n’a pas encore de valeur estimée, et celle-ci doit être supérieure à 0 pour avancer : indiquez-en une avec Mettre à jour sur sa fiche, ou avec /opp update ${problem.untypedOn} value:25000.`;
      return `${positiveLabel(problem.field)} doit dépasser 0.`;
    case 'percent-out-of-range':
      return `${percentLabel(problem.field)} doit être compris entre 0 et 100, avec au plus 2 décimales (vous avez saisi ${formatPercent(problem.value)}).`;
    case 'completed-not-whole':
      return `Le % réalisé d’une étape doit être un nombre entier (vous avez saisi ${formatPercent(problem.value)}).`;
    case 'close-date-before-change':
      return `La date clôture estimée (${formatDate(problem.estimatedCloseDate)}) ne peut pas être antérieure à la date modification (${formatDate(problem.dateOfChange)}).`;
    case 'close-date-before-today':
      return `La date clôture estimée (${formatDate(problem.estimatedCloseDate)}) ne peut pas être antérieure à aujourd’hui (${formatDate(problem.today)}).`;
    case 'opportunity-closed':
      return `L’opportunité ${problem.opportunityNo} est déjà clôturée comme ${problem.status === 'won' ? 'Gagnée' : 'Perdue'} et ne peut plus être modifiée.`;
    case 'already-started':
      return `L’opportunité ${problem.opportunityNo} a déjà été démarrée; sa première étape ne peut donc pas être activée de nouveau.`;
    case 'sales-cycle-locked':
      return `Le cycle de vente de l’opportunité ${problem.opportunityNo} ne peut être changé qu’avant le démarrage de l’opportunité.`;
    case 'sales-cycle-blocked':
      return `Le cycle de vente ${problem.code} est bloqué; il ne peut donc pas être utilisé pour des opportunités.`;
    case 'required':
      return requiredSentence(problem.field);
    case 'too-long':
      return `${textLabel(problem.field)} peut compter au plus ${problem.max} caractères.`;
    case 'code-invalid':
      return `« ${problem.code} » n’est pas un ${codeLabel(problem.entity)} valide : utilisez de 1 à ${problem.max} caractères, sans espace.`;
    case 'stage-number-invalid':
      return `Le numéro d’étape doit être un nombre entier égal ou supérieur à 1 (vous avez saisi ${problem.value}).`;
    case 'bad-date-formula':
      return `« ${problem.text} » n’est pas une formule date. Utilisez des termes comme 10D, 2W, 1M, 1Q, 1Y ou CM (fin du mois), reliés par + ou -, p. ex. 1M+CM.`;
    case 'close-code-wrong-type':
      return `Le code fin opportunité ${problem.code} est réservé aux opportunités ${outcomeLabel(problem.codeType)}; il ne peut donc pas servir à clôturer comme ${outcomeLabel(problem.outcome)}.`;
    case 'closing-date-before-last-change':
      return `La date clôture (${formatDate(problem.closingDate)}) ne peut pas être antérieure à la dernière modification (${formatDate(problem.lastChange)}).`;
    case 'contact-has-no-company':
      return `Un client ne peut pas être créé à partir de ${problem.name} (${problem.contactNo}) tant que ce contact n’appartient pas à une entreprise; associez d’abord la personne à une entreprise.`;
    case 'contact-other-company':
      return `${problem.name} (${problem.contactNo}) appartient à une autre entreprise; une fois l’opportunité démarrée, son contact ne peut changer qu’au sein de la même entreprise.`;
    case 'contact-company-not-company':
      return `Le contact ${problem.companyNo} est une personne, et non une entreprise; personne ne peut donc lui appartenir.`;
    case 'company-cannot-have-company':
      return `${problem.name} est une entreprise; elle ne peut donc pas appartenir à une autre entreprise.`;
    case 'customer-has-documents':
      return `Le client ${problem.customerNo} de ${problem.name} (${problem.contactNo}) a ${m('{n, plural, one {# devis ou commande} many {# de devis et commandes} other {# devis et commandes}}', { n: problem.documents })}; il reste donc lié au contact.`;
    case 'quote-already-exists':
      return `Un devis est déjà attribué à l’opportunité ${problem.opportunityNo}; chaque opportunité a au plus un devis.`;
    case 'quote-needs-in-progress':
      return `L’opportunité ${problem.opportunityNo} doit être en cours pour recevoir un devis (elle est ${statusLabel(problem.status)}).`;
    case 'quote-needs-company-contact':
      return `Les devis ne peuvent être faits que pour des contacts entreprise (ou des personnes qui appartiennent à une entreprise); ${problem.name} (${problem.contactNo}) n’a aucune entreprise.`;
    case 'quote-line-invalid':
      return `Ligne ${problem.line} : ${quoteLineRule(problem.field)}.`;
    case 'quote-too-many-lines':
      return `Un devis peut compter au plus ${problem.max} lignes (celui-ci en a ${problem.count}).`;
    case 'make-order-not-started':
      return `L’opportunité ${problem.opportunityNo} n’a pas été démarrée; elle n’a donc aucun devis à transformer en commande.`;
    case 'delete-in-progress':
      return `L’opportunité ${problem.opportunityNo} est en cours et ne peut pas être supprimée; clôturez-la d’abord comme Gagnée ou Perdue.`;
    case 'task-not-open':
      return `La tâche ${problem.taskId} est déjà ${problem.status === 'completed' ? 'terminée' : 'annulée'}; rien n’a été modifié.`;
    case 'postpone-not-later':
      return `La tâche ${problem.taskId} a pour échéance le ${formatDate(problem.date)} : reportez-la à une date postérieure (vous avez choisi le ${formatDate(problem.newDate)}).`;
    case 'quote-replace-needs-in-progress':
      return `L’opportunité ${problem.opportunityNo} est ${statusLabel(problem.status)} : son devis ne peut être remplacé que pendant qu’elle est en cours.`;
    case 'purge-range-empty':
      return `Aucun jour ne se situe après le ${formatDate(problem.closedAfter)} et avant le ${formatDate(problem.closedBefore)}; élargissez la plage de dates de clôture.`;
    case 'opportunity-not-found':
      return `L’opportunité ${problem.no} n’existe pas.`;
    case 'sales-cycle-not-found':
      return `Le cycle de vente ${problem.code} n’existe pas.`;
    case 'stage-not-found':
      return `Le cycle de vente ${problem.cycle} n’a pas d’étape ${problem.stage}.`;
    case 'close-code-not-found':
      return `Le code fin opportunité ${problem.code} n’existe pas.`;
    case 'contact-not-found':
      return `Aucun contact ne correspond à « ${problem.text} ».`;
    case 'contact-ambiguous':
      return `« ${problem.text} » correspond à plusieurs contacts (${listSome(problem.candidates)}); veuillez préciser.`;
    case 'salesperson-not-found':
      return `Aucun vendeur ne correspond à « ${problem.text} ».`;
    case 'salesperson-blocked':
      return `Le vendeur ${problem.name} est bloqué et ne peut pas être attribué à des opportunités.`;
    case 'customer-not-found':
      return `Aucun client ne correspond à « ${problem.text} ».`;
    case 'activity-not-found':
      return `Aucune activité n’a le code ${problem.code}; ajoutez-la d’abord avec /opp activity add.`;
    case 'duplicate':
      return `${duplicateLabel(problem.entity)} ${problem.key} existe déjà.`;
    case 'changed-meanwhile':
      return `L’opportunité ${problem.opportunityNo} a été modifiée par quelqu’un d’autre entre-temps; consultez-la et réessayez.`;
    case 'sales-cycle-referenced':
      return `Le cycle de vente ${problem.code} est encore celui de ${m('{n, plural, one {# opportunité clôturée ou non démarrée} many {# d’opportunités clôturées ou non démarrées} other {# opportunités clôturées ou non démarrées}}', { n: problem.count })}; il ne peut donc pas être supprimé, car l’historique de ces opportunités le conserve.`;
    case 'sales-cycle-in-use':
      return `Le cycle de vente ${problem.code} a encore ${m('{n, plural, one {# opportunité ouverte} many {# d’opportunités ouvertes} other {# opportunités ouvertes}}', { n: problem.openCount })}; il ne peut donc pas être supprimé.`;
    case 'stage-in-use':
      return `L’étape ${problem.stage} du cycle de vente ${problem.cycle} ne peut pas être supprimée tant que des opportunités s’y trouvent.`;
    case 'close-code-in-use':
      return `Le code fin opportunité ${problem.code} a été utilisé ${m('{n, plural, one {# fois} many {# de fois} other {# fois}}', { n: problem.entryCount })}; il ne peut donc pas être supprimé (le bot garde valides les codes des opportunités clôturées).`;
    case 'quote-not-found':
      return `Aucun devis n’est attribué à l’opportunité ${problem.opportunityNo}.`;
    case 'task-not-found':
      return `La tâche ${problem.taskId} n’existe pas.`;
    case 'quote-has-no-lines':
      return 'Un devis doit compter au moins une ligne.';
    case 'workspace-not-set-up':
      return 'Cet espace de travail n’est pas encore configuré; demandez à un administrateur d’effectuer d’abord la configuration.';
    case 'nothing-to-purge':
      return 'Aucune opportunité clôturée ne correspond à ce filtre; rien n’a été supprimé.';
    case 'nothing-edited':
      return `L’opportunité ${problem.opportunityNo} a déjà ces valeurs; rien n’a donc été modifié.`;
    case 'nothing-found':
      return `Aucune opportunité que vous pouvez voir ne correspond à « ${problem.text} ». Essayez moins de mots ou d’autres mots, ou /opp list all.`;
    case 'not-allowed':
      return `Seuls ${problem.role === 'admin' ? 'les administrateurs' : 'les gestionnaires et les administrateurs'} peuvent ${guardedActionText(problem.action, problem.opportunityNo)}; adressez-vous à un administrateur (voir /opp roles).`;
    case 'alert-channel-unusable':
      switch (problem.reason) {
        case 'not-a-channel':
          return 'Les alertes sont publiées dans un canal : indiquez-en un (/opp alert #affaires won lost) ou tapez la commande dans le canal voulu.';
        case 'archived':
          return `Je ne peux pas publier dans <#${problem.channelId}> : ce canal est archivé. Choisissez-en un autre.`;
        case 'not-member':
          return `Je ne peux pas encore publier dans <#${problem.channelId}> : invitez-moi d’abord dans ce canal (tapez /invite dans le canal), puis créez de nouveau l’alerte.`;
        case 'not-found':
          return `Je ne trouve pas <#${problem.channelId}> : ce canal a peut-être été supprimé, ou il est privé et je n’en suis pas membre. Invitez-moi d’abord dans ce canal.`;
        default:
          return assertNever(problem.reason);
      }
    case 'alert-person-unknown':
      return `Je ne peux pas créer d’alerte sur les opportunités de <@${problem.slackUserId}> : ce n’est pas une personne active de cet espace de travail (compte désactivé ou application). Choisissez un vendeur en tapant @.`;
    case 'alert-not-found':
      return `L’alerte ${problem.id} n’existe pas dans cet espace de travail; /opp alerts affiche la liste des alertes avec leurs numéros.`;
    case 'last-admin':
      return `<@${problem.slackUserId}> est le seul administrateur de cet espace de travail; rien n’a donc été modifié. Nommez d’abord quelqu’un d’autre administrateur (/opp role @utilisateur admin).`;
    default:
      return assertNever(problem);
  }
}

/** A percentage as it was entered, every decimal kept, trailing zeros trimmed, with a decimal comma: "12,5", "40". */
export function formatPercent(value: Decimal): string {
  const fixed = value.toFixed();
  return (fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed).replace('.', ',');
}

function actionLabel(action: MoveAction): string {
  switch (action) {
    case 'first':
      return 'Activer la première étape';
    case 'next':
      return 'Suivant';
    case 'previous':
      return 'Précédent';
    case 'skip':
      return 'Ignorer';
    case 'jump':
      return 'Omettre';
    case 'update':
      return 'Mettre à jour';
    default:
      return assertNever(action);
  }
}

function actionHint(action: MoveAction): string {
  switch (action) {
    case 'first':
      return 'elle a déjà été démarrée';
    case 'next':
      return 'elle est à la dernière étape; clôturez-la plutôt comme Gagnée ou Perdue';
    case 'previous':
      return 'elle est à la première étape';
    case 'skip':
      return 'Ignorer exige que l’étape suivante puisse être ignorée et au moins deux étapes parmi lesquelles choisir';
    case 'jump':
      return 'Omettre exige au moins deux étapes antérieures parmi lesquelles choisir';
    case 'update':
      return 'elle n’a pas encore été démarrée';
    default:
      return assertNever(action);
  }
}

function guardedActionText(action: GuardedAction, opportunityNo: string | undefined): string {
  switch (action) {
    case 'set-up-sales-cycles':
      return 'configurer les cycles de vente';
    case 'set-up-stages':
      return 'configurer les étapes des cycles de vente';
    case 'set-up-close-codes':
      return 'configurer les codes fin opportunité';
    case 'add-contact':
      return 'ajouter des contacts dans cet espace de travail (un administrateur peut l’ouvrir à tous avec `/opp setting reps-add-contacts:yes`)';
    case 'edit-contact':
      return 'modifier des contacts';
    case 'add-customer':
      return 'créer des clients à partir de contacts';
    case 'add-activity':
      return 'configurer les activités';
    case 'purge':
      return 'purger les opportunités clôturées';
    case 'change-roles':
      return 'attribuer des rôles';
    case 'change-settings':
      return 'modifier les paramètres de l’espace de travail';
    case 'delete-workspace':
      return 'supprimer les données de l’espace de travail';
    case 'post-digest':
      return 'publier des sommaires du pipeline';
    case 'manage-subscriptions':
      return 'planifier des sommaires du pipeline';
    case 'manage-alerts':
      return 'configurer des alertes de canal';
    case 'set-channel-language':
      return 'choisir la langue des publications d’un canal';
    case 'create-opportunity':
      return 'créer des opportunités pour un autre vendeur (indiquez-vous comme vendeur)';
    case 'change-opportunity':
      return opportunityNo
        ? `modifier l’opportunité ${opportunityNo}, car son vendeur est quelqu’un d’autre`
        : 'modifier les opportunités dont le vendeur est quelqu’un d’autre';
    case 'read-opportunity':
      return opportunityNo
        ? `voir l’opportunité ${opportunityNo}, car son vendeur est quelqu’un d’autre et les représentants ne voient ici que leurs propres opportunités`
        : 'voir les opportunités dont le vendeur est quelqu’un d’autre : les représentants ne voient ici que les leurs';
    case 'read-pipeline':
      return 'voir les statistiques de toutes les opportunités : les représentants ne voient ici que les leurs';
    case 'change-task':
      return 'terminer ou reporter les tâches d’une autre personne';
    case 'read-tasks':
      return 'voir les tâches d’une autre personne';
    case 'reassign-opportunity':
      return opportunityNo
        ? `confier l’opportunité ${opportunityNo} à un autre vendeur`
        : 'confier des opportunités à un autre vendeur';
    default:
      return assertNever(action);
  }
}

function requiredSentence(field: RequiredField): string {
  switch (field) {
    case 'description':
      return 'Veuillez remplir la description.';
    case 'note':
      return 'Veuillez rédiger la note.';
    case 'contact':
      return 'Vous devez indiquer le contact concerné par l’opportunité.';
    case 'salesperson':
      return 'Veuillez choisir un vendeur.';
    case 'sales-cycle':
      return 'Veuillez choisir un cycle de vente.';
    case 'estimated-close-date':
      return 'Veuillez remplir la date clôture estimée.';
    case 'outcome':
      return 'Choisissez Gagnée ou Perdue.';
    case 'close-code':
      return 'Veuillez choisir un code fin opportunité.';
    case 'name':
      return 'Veuillez remplir le nom.';
    case 'code':
      return 'Veuillez remplir le code.';
    default:
      return assertNever(field);
  }
}

function positiveLabel(field: PositiveField): string {
  switch (field) {
    case 'estimated-value':
      return 'La valeur estimée';
    case 'chances':
      return 'Le % chances de succès';
    case 'sales-amount':
      return 'Pour clôturer comme Gagnée, le montant de la vente';
    default:
      return assertNever(field);
  }
}

function percentLabel(field: PercentField): string {
  switch (field) {
    case 'chances':
      return 'Le % chances de succès';
    case 'completed':
      return 'Le % réalisé';
    case 'discount':
      return 'Le % remise';
    default:
      return assertNever(field);
  }
}

function textLabel(field: TextField): string {
  switch (field) {
    case 'note':
      return 'Une note';
    case 'description':
      return 'La description';
    case 'name':
      return 'Le nom';
    case 'code':
      return 'Le code';
    case 'email':
      return 'L’adresse courriel';
    case 'activity-code':
      return 'Le code activité';
    case 'date-formula':
      return 'La formule date';
    default:
      return assertNever(field);
  }
}

function codeLabel(entity: CodeEntity): string {
  return entity === 'sales-cycle'
    ? 'code de cycle de vente'
    : entity === 'activity'
      ? 'code activité'
      : 'code fin opportunité';
}

function duplicateLabel(entity: DuplicateEntity): string {
  switch (entity) {
    case 'sales-cycle':
      return 'Le cycle de vente';
    case 'stage':
      return 'L’étape';
    case 'close-code':
      return 'Le code fin opportunité';
    case 'contact':
      return 'Le contact';
    case 'customer':
      return 'Le client';
    case 'activity':
      return 'L’activité';
    default:
      return assertNever(entity);
  }
}

function quoteLineRule(field: QuoteLineField): string {
  switch (field) {
    case 'description':
      return 'la description doit compter de 1 à 100 caractères';
    case 'quantity':
      return 'la quantité doit être supérieure à 0, avec au plus 4 décimales';
    case 'unit-price':
      return 'le prix unitaire ne peut pas être négatif et compte au plus 2 décimales';
    case 'discount':
      return 'la remise doit être comprise entre 0 et 100 %, avec au plus 2 décimales';
    default:
      return assertNever(field);
  }
}

function outcomeLabel(outcome: 'won' | 'lost'): string {
  return outcome === 'won' ? 'Gagnée' : 'Perdue';
}

function statusLabel(status: OpportunityStatus): string {
  switch (status) {
    case 'not_started':
      return 'non démarrée';
    case 'in_progress':
      return 'en cours';
    case 'won':
      return 'gagnée';
    case 'lost':
      return 'perdue';
    default:
      return assertNever(status);
  }
}

function stageName(stage: number, description: string): string {
  return description.trim() === '' ? String(stage) : `${stage} (${description})`;
}

function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} et ${m('{n, plural, one {# autre} many {# d’autres} other {# autres}}', { n: items.length - max })}`;
}
