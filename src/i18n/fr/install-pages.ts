// Les pages qu’un navigateur affiche pendant une installation OAuth : texte brut (échappé pour HTML là où
// il est placé), pas de balisage Slack. Part of the one catalogue (français, Canada).
export const installPages = {
  retry: (installPath: string) => `Recommencez à partir de ${installPath}.`,
  installed: {
    title: 'Pipeline est installé',
    text: (where: string) =>
      `Pipeline est maintenant installé dans ${where}. Ouvrez Slack et tapez /opp help pour commencer. Comme vous l’avez installé, vous êtes son administrateur dans cet espace de travail.`,
  },
  cancelled: {
    title: 'Installation annulée',
    text: (retry: string) => `Pipeline n’a pas été installé : l’installation a été annulée. ${retry}`,
  },
  expired: {
    title: 'Lien d’installation expiré',
    text: (retry: string) =>
      `Pipeline n’a pas été installé : ce lien d’installation est incomplet, a expiré ou a été ouvert dans un autre navigateur. ${retry}`,
  },
  failed: {
    title: 'Échec de l’installation',
    text: (retry: string) =>
      `Pipeline n’a pas été installé : une erreur s’est produite pendant la finalisation de l’installation. ${retry}`,
  },
  databaseDown: {
    title: 'Échec de l’installation',
    text: (installPath: string) =>
      `Pipeline n’a pas pu démarrer l’installation : sa base de données est inaccessible pour le moment. Recommencez à partir de ${installPath} dans un instant.`,
  },
  /** Where it was installed when Slack names no team. */
  somewhere: 'Slack',
} as const;
