// Phrases pour les défaillances dont aucun utilisateur n’est la cause, et les avis de l’application
// (français, Canada). Part of the one catalogue: the same keys as src/i18n/en/system.ts.
import { trusted } from '../markup.ts';
const french = {
  databaseUnavailable:
    'La base de données du pipeline est inaccessible pour le moment; rien n’a été modifié. Veuillez réessayer dans un instant.',
  unexpected:
    'Une erreur s’est produite de notre côté et rien n’a été modifié. Veuillez réessayer; si le problème persiste, avisez votre administrateur.',
  savedNotShown:
    'Votre modification a été enregistrée, mais elle n’a pas pu être relue pour l’afficher tout de suite. Consultez l’opportunité de nouveau dans un instant plutôt que de refaire la modification.',
  slackUnavailable:
    'Slack n’a pas accepté notre réponse. Votre modification a été enregistrée; exécutez de nouveau la commande pour voir le résultat.',
  privateChannel:
    'Je ne peux pas publier dans cette conversation. Invitez-moi dans le canal (`/invite @Pipeline`) ou utilisez un canal public.',
  notInWorkspace: 'Cette demande provient d’un espace de travail que je ne connais pas; rien n’a été fait.',
  malformedRequest: 'Cette demande ne semblait pas provenir de Slack; rien n’a été fait. Veuillez réessayer.',
  formContextRefused:
    'Ce formulaire ne peut pas être enregistré : il a été ouvert il y a plus d’un jour, par quelqu’un d’autre, ou il a été modifié en chemin. Rien n’a été enregistré ni publié. Fermez-le et ouvrez-le de nouveau à partir de la fiche de l’opportunité ou avec `/opp`.',
  workspaceMismatch:
    'Cette demande nommait un autre espace de travail que celui d’où elle provient; rien n’a été fait. Veuillez réessayer à partir de Slack.',
  alreadyHandled:
    'Cette demande a déjà été traitée; rien n’a été modifié cette fois-ci. Pour la refaire, exécutez de nouveau la commande ou cliquez de nouveau sur le bouton.',
  helpPointer: 'Tapez `/opp help` pour voir des exemples.',
  savingTitle: 'Enregistrement…',
  savingText: 'Enregistrement de vos modifications…',
  savedTitle: 'Enregistré',
  savedText: 'Vos modifications ont été enregistrées.',
  notSavedTitle: 'Non enregistré',
  notSavedHint: 'Rien n’a été modifié. Cliquez sur Retour pour corriger le formulaire et le soumettre de nouveau.',
  done: 'Terminé',
  back: 'Retour',
} as const;

export const system = trusted(french);
