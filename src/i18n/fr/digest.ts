// French (Canada) strings of the pipeline digest, the statistics messages, the chart and the CSV export:
// the same keys and parameters as src/i18n/en/digest.ts. Values arrive already formatted and escaped.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('fr');
const opportunities = (n: number): string =>
  m('{n, plural, one {# opportunité} many {# d’opportunités} other {# opportunités}}', { n });
const openOpportunities = (n: number): string =>
  m('{n, plural, one {# opportunité ouverte} many {# d’opportunités ouvertes} other {# opportunités ouvertes}}', { n });
const days = (n: number): string => m('{n, plural, one {# jour} many {# de jours} other {# jours}}', { n });
const more = (n: number): string => m('…et {n, plural, one {# autre} many {# d’autres} other {# autres}}', { n });

const french = {
  defaultTitle: 'Sommaire du pipeline',
  header: (title: string, date: string) => `${title} — ${date}`,
  fallback: (title: string, date: string, open: number, weighted: string) =>
    `${title} — ${date} : ${openOpportunities(open)}, valeur pondérée ${weighted}`,
  continued: (title: string, date: string, part: number, parts: number) =>
    `${title} — ${date} · suite (${part} sur ${parts})`,
  channelMention: '<!channel>',

  scope: {
    allCycles: 'Tous les cycles de vente',
    cycle: (cycle: string) => `Cycle de vente ${cycle}`,
    everyone: 'les opportunités de tout le monde',
    salesperson: (person: string) => `les opportunités de ${person}`,
    period: (from: string, to: string) => `gagnées et perdues du ${from} au ${to}`,
    join: (parts: readonly string[]) => parts.join(' · '),
  },

  pipeline: {
    title: '*Pipeline ouvert*',
    cycleTitle: (cycle: string) => `*${cycle}*`,
    columns: ['Étape', 'Ouvertes', 'Estimée', 'Pondérée'],
    total: 'Total',
    noStages: 'Aucune opportunité ouverte à une étape de ce cycle.',
    notStarted: (n: number) =>
      `De plus, ${opportunities(n)} pas encore ${m('{n, plural, one {démarrée} other {démarrées}}', { n })} (sans étape, donc aucune valeur comptée).`,
    allCycles: (count: number, estimated: string, weighted: string, notStarted: number) =>
      `*Tous les cycles :* ${openOpportunities(count)} à une étape · valeur estimée ${estimated} · valeur pondérée ${weighted}${
        notStarted > 0
          ? ` · ${m('{notStarted, plural, one {# non démarrée} other {# non démarrées}}', { notStarted })}`
          : ''
      }`,
    empty: 'Il n’y a encore aucune opportunité ouverte ici. Créez-en une avec `/opp new`.',
  },

  closed: {
    title: (from: string, to: string) => `*Gagnées et perdues* du ${from} au ${to}`,
    won: (count: number, amount: string) => `*Gagnées :* ${opportunities(count)} · ${amount}`,
    lost: (count: number, amount: string) => `*Perdues :* ${opportunities(count)} · ${amount}`,
    winRate: (byCount: string, byValue: string) => `*Taux de réussite :* ${byCount} en nombre · ${byValue} en valeur`,
    reasonsTitle: '*Par code fin opportunité*',
    reason: (outcome: string, code: string, count: number, amount: string) =>
      `• ${outcome} · ${code} : ${count} · ${amount}`,
    code: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    noCode: 'sans code fin opportunité',
    nothing: (from: string, to: string) => `Rien n’a été gagné ni perdu du ${from} au ${to}.`,
    notAvailable: '—',
  },

  changes: {
    title: (since: string) => `*Ce qui a changé* depuis ${since}`,
    first:
      'Ceci est le premier sommaire de ce canal; il n’y a donc encore rien à comparer. Le prochain indiquera ce qui a changé.',
    nothing: (since: string) => `Rien n’a changé depuis ${since}.`,
    newTitle: (n: number) => `*Nouvelles* (${n})`,
    forwardTitle: (n: number) => `*Avancées* (${n})`,
    backTitle: (n: number) => `*Reculées* (${n})`,
    closedTitle: (n: number) => `*Clôturées* (${n})`,
    valueTitle: (n: number) => `*Valeur modifiée* (${n})`,
    newLine: (no: string, description: string, value: string) => `• *${no}* ${description} · ${value}`,
    moveLine: (no: string, description: string, from: string, to: string) =>
      `• *${no}* ${description} · ${from} → ${to}`,
    notStarted: 'non démarrée',
    stageNo: (stage: number) => `étape ${stage}`,
    closedLine: (no: string, description: string, outcome: string, amount: string) =>
      `• *${no}* ${description} · ${outcome} · ${amount}`,
    valueLine: (no: string, description: string, from: string, to: string, delta: string) =>
      `• *${no}* ${description} · ${from} → ${to} (${delta})`,
    /** A Slack date token for an instant, with the text shown where tokens are not rendered. */
    sinceToken: (unix: number, fallback: string) => `<!date^${unix}^{date_short_pretty} à {time}|${fallback}>`,
    sinceFallback: (date: string, time: string) => `${date} ${time} UTC`,
    previousDigest: 'le sommaire précédent',
  },

  attention: {
    title: '*À surveiller*',
    overdueTitle: (n: number) => `:rotating_light: *En retard* (${n})`,
    closingSoonTitle: (n: number) => `:hourglass_flowing_sand: *Clôture dans les 7 prochains jours* (${n})`,
    staleTitle: (n: number, staleDays: number) => `:zzz: *Aucun changement depuis ${days(staleDays)} ou plus* (${n})`,
    overdueLine: (no: string, description: string, owner: string, date: string, overdue: number, value: string) =>
      `• *${no}* ${description} · ${owner} · échéance le ${date} (il y a ${days(overdue)}) · ${value}`,
    closingSoonLine: (no: string, description: string, owner: string, date: string, inDays: number, value: string) =>
      `• *${no}* ${description} · ${owner} · clôture le ${date} (${m(
        '{inDays, plural, =0 {aujourd’hui} =1 {demain} one {dans # jour} many {dans # de jours} other {dans # jours}}',
        { inDays: Math.max(0, inDays) },
      )}) · ${value}`,
    staleLine: (no: string, description: string, owner: string, date: string, idle: number, value: string) =>
      `• *${no}* ${description} · ${owner} · dernier changement le ${date} (il y a ${days(idle)}) · ${value}`,
    nothing: (staleDays: number) =>
      `Rien à surveiller : aucune opportunité n’est en retard, ne se clôture dans les 7 prochains jours ou n’est restée sans changement depuis ${days(staleDays)}.`,
  },

  salespeople: {
    title: '*Par vendeur*',
    line: (person: string, open: number, weighted: string, won: string) =>
      `• ${person} : ${m('{open, plural, one {# ouverte} other {# ouvertes}}', { open })} · valeur pondérée ${weighted} · ${won} gagnés pendant la période`,
    empty: 'Aucun vendeur n’a d’opportunités ouvertes ni de gains pendant la période.',
  },

  more: (n: number) => `${more(n)}.`,

  stats: {
    opportunityTitle: (no: string) => `Statistiques de ${no}`,
    opportunityFallback: (no: string, value: string, probability: string) =>
      `Statistiques de ${no} : valeur actuelle calculée ${value}, probabilité ${probability}`,
    labels: {
      interactions: 'Nbre d’interactions',
      stage: 'Étape actuelle du cycle de vente',
      estimatedValue: 'Valeur estimée',
      chances: 'Chances de succès',
      completed: 'Réalisé',
      probability: 'Probabilité',
      calcdCurrentValue: 'Valeur actuelle calculée',
      noOfOpportunities: 'Opportunités ouvertes',
    },
    field: (label: string, value: string) => `*${label}*\n${value}`,
    noStage: '—',
    interactionsNote: (no: string) =>
      `Les interactions sont les notes consignées sur l’opportunité (/opp note ${no} &lt;texte&gt;, ou Ajouter une note sur sa fiche).`,
    cycleTitle: (cycle: string) => `Analyse du cycle de vente : ${cycle}`,
    cycleFallback: (cycle: string, open: number, estimated: string) =>
      `Analyse du cycle de vente ${cycle} : ${openOpportunities(open)}, valeur estimée ${estimated}`,
    blocked: ':no_entry: Ce cycle de vente est bloqué : les nouvelles opportunités ne peuvent pas l’utiliser.',
    cycleTotalsTitle: '*Statistiques du cycle de vente* (opportunités ouvertes et démarrées)',
    analysisTitle: '*Par étape*',
    columns: ['Étape', 'Description', 'Opp.', 'Estimée', 'Val. act. calc.', 'Jours moy.'],
    total: 'TOTAL',
    averageDaysNote: (total: string) =>
      `Jours moy. : durée moyenne pendant laquelle les opportunités sont restées à chaque étape avant de la quitter (vide si aucune ne l’a encore quittée). La ligne TOTAL additionne aussi les moyennes : ${total} jours donne une approximation de la durée moyenne du cycle complet.`,
    noStages: (code: string) =>
      `Le cycle de vente ${code} n’a encore aucune étape. Ajoutez-en une avec \`/opp stage add ${code} 1 Qualification completed:10 chance:20\`.`,
    moreStages: (n: number, code: string) => `${more(n)} — utilisez \`/opp stage list ${code}\`.`,
  },
} as const;

export const digestText = trusted(french);

/** Words drawn into the chart image, written to CSV files or shown literally in tables: plain text, not markup. */
export const digestPlainText = {
  /** A stage in a chart bar or a table cell: "2 · Qualification", or "Étape 2" without a description. */
  stage: (no: number, description: string) => (description.trim() === '' ? `Étape ${no}` : `${no} · ${description}`),

  chart: {
    /** A stage's bar label when several cycles are shown: the cycle code first. */
    stageLabel: (cycleCode: string, stage: string) => `${cycleCode} ${stage}`,
    /** Under the title: the open pipeline's totals, then (with a history panel) the period's. */
    pipelineSummary: (estimated: string, weighted: string) =>
      `Pipeline ouvert : valeur estimée ${estimated}, valeur pondérée ${weighted}`,
    closedSummary: (won: string, lost: string, from: string, to: string) =>
      `gagnées ${won}, perdues ${lost} du ${from} au ${to}`,
    /** Une semaine sous ses barres : son premier jour, déjà formaté (« 7 déc. »). */
    weekLabel: (start: string) => start,
    summarySeparator: ' · ',
    pipelineHeading: 'Pipeline ouvert par étape',
    historyHeading: (weeks: number) =>
      m('Gagnées et perdues sur {weeks, plural, one {# semaine} many {# de semaines} other {# semaines}}', { weeks }),
    estimated: 'Valeur estimée',
    weighted: 'Valeur pondérée',
    won: 'Gagnées',
    lost: 'Perdues',
    noOpenOpportunities: 'Aucune opportunité ouverte',
    noClosedDeals: 'Aucune affaire gagnée ou perdue pendant cette période',
  },

  csv: {
    columns: (currency: string) => [
      'N°',
      'Description',
      'Statut',
      'Étape',
      'Description de l’étape',
      'Contact',
      'Entreprise',
      'Vendeur',
      'Cycle de vente',
      `Valeur estimée (${currency})`,
      '% chances de succès',
      '% réalisé',
      '% probabilité',
      `Valeur actuelle calculée (${currency})`,
      'Date clôture estimée',
      'Date de création',
      'Date de clôture',
      'Devis',
      'Commande',
      'Code fin opportunité',
      'Description code fin opportunité',
      'Priorité',
      'Date dernière modification',
      `Valeur pondérée (${currency})`,
    ],
    defaultFilename: 'opportunites',
  },
} as const;
