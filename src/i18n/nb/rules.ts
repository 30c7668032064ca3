// Norwegian Bokmål sentences for the rule problems, written for a sales rep: what went wrong and what to
// do. The same problems as English's (src/i18n/en/rules.ts); Business Central's Norwegian terms.
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

const m = icuFor('nb');

/**
 * The sentence for a problem; every text in it that came from a person is escaped first, and its dates
 * and numbers are written by the reader's formatter.
 */
export function describeRuleProblem(problem: Problem, format: Formatter): Markup {
  return catalogueText(sentence(escapeFields(problem), format));
}

function sentence(problem: Problem, format: Formatter): string {
  const formatDate = (date: LocalDate): string => format.date(date);
  // A percentage as it was entered, every decimal kept, with the Norwegian decimal comma: "12,5".
  const formatPercent = (value: Decimal): string => format.groupedNumber(value);
  switch (problem.kind) {
    case 'action-not-available':
      if (problem.notStarted && problem.action !== 'first')
        return `Salgsmulighet ${problem.opportunityNo} er ikke startet ennå: aktiver første fase først (Aktiver første fase på kortet, eller /opp move ${problem.opportunityNo}).`;
      return `${actionLabel(problem.action)} er ikke mulig for salgsmulighet ${problem.opportunityNo} akkurat nå: ${actionHint(problem.action)}.`;
    case 'no-stages':
      return `Salgssyklus ${problem.cycle} har ingen faser ennå; legg til en fase i den først.`;
    case 'stage-not-allowed':
      if (problem.allowed.length === 0) return `${actionLabel(problem.action)} har ingen fase å gå til.`;
      return Number.isFinite(problem.stage)
        ? `Fase ${problem.stage} er ikke et gyldig mål for ${actionLabel(problem.action)}; velg en av ${problem.allowed.join(', ')}.`
        : `Velg en fase for ${actionLabel(problem.action)}: en av ${problem.allowed.join(', ')}.`;
    case 'quote-required':
      return `Du kan ikke flytte til fase ${stageName(problem.stage, problem.stageDescription)} før et salgstilbud er knyttet til salgsmuligheten.`;
    case 'date-of-change-before-last':
      return `Endringsdatoen (${formatDate(problem.dateOfChange)}) kan ikke være tidligere enn forrige endringsdato (${formatDate(problem.lastDateOfChange)}).`;
    case 'must-be-positive':
      if (problem.untypedOn !== undefined)
        return `Salgsmulighet ${problem.untypedOn} har ingen estimert verdi ennå, og den må være større enn 0 for å gå videre: gi den en med Oppdater på kortet, eller /opp update ${problem.untypedOn} value:25000.`;
      return positiveSentence(problem.field);
    case 'percent-out-of-range':
      return `${percentLabel(problem.field)} må være mellom 0 og 100 med høyst 2 desimaler (du skrev ${formatPercent(problem.value)}).`;
    case 'completed-not-whole':
      return `Fullført % for en fase må være et heltall (du skrev ${formatPercent(problem.value)}).`;
    case 'close-date-before-change':
      return `Den estimerte sluttdatoen (${formatDate(problem.estimatedCloseDate)}) kan ikke være tidligere enn endringsdatoen (${formatDate(problem.dateOfChange)}).`;
    case 'close-date-before-today':
      return `Den estimerte sluttdatoen (${formatDate(problem.estimatedCloseDate)}) kan ikke være tidligere enn i dag (${formatDate(problem.today)}).`;
    case 'opportunity-closed':
      return `Salgsmulighet ${problem.opportunityNo} er allerede lukket som ${problem.status === 'won' ? 'Vunnet' : 'Tapt'} og kan ikke endres lenger.`;
    case 'already-started':
      return `Salgsmulighet ${problem.opportunityNo} er allerede startet, så første fase kan ikke aktiveres på nytt.`;
    case 'sales-cycle-locked':
      return `Salgssyklusen for salgsmulighet ${problem.opportunityNo} kan bare endres før salgsmuligheten er startet.`;
    case 'sales-cycle-blocked':
      return `Salgssyklus ${problem.code} er sperret, så den kan ikke brukes for salgsmuligheter.`;
    case 'required':
      return requiredSentence(problem.field);
    case 'too-long':
      return `${textLabel(problem.field)} kan ha høyst ${problem.max} tegn.`;
    case 'code-invalid':
      return `«${problem.code}» er ikke en gyldig ${codeLabel(problem.entity)}: bruk 1 til ${problem.max} tegn uten mellomrom.`;
    case 'stage-number-invalid':
      return `Fasenummeret må være et heltall på 1 eller mer (du skrev ${problem.value}).`;
    case 'bad-date-formula':
      return `«${problem.text}» er ikke en datoformel. Bruk ledd som 10D, 2W, 1M, 1Q, 1Y eller CM (slutten av måneden), satt sammen med + eller -, f.eks. 1M+CM.`;
    case 'close-code-wrong-type':
      return `Lukkekode ${problem.code} gjelder salgsmuligheter som er ${outcomeLabel(problem.codeType)}, så den kan ikke brukes til å lukke som ${outcomeLabel(problem.outcome)}.`;
    case 'closing-date-before-last-change':
      return `Lukkedatoen (${formatDate(problem.closingDate)}) kan ikke være tidligere enn siste endring (${formatDate(problem.lastChange)}).`;
    case 'contact-has-no-company':
      return `Det kan ikke opprettes en kunde fra ${problem.name} (${problem.contactNo}) før kontakten hører til et firma; knytt personen til et firma først.`;
    case 'contact-other-company':
      return `${problem.name} (${problem.contactNo}) hører til et annet firma; når en salgsmulighet er startet, kan kontakten bare byttes innenfor samme firma.`;
    case 'contact-company-not-company':
      return `Kontakt ${problem.companyNo} er en person, ikke et firma, så ingen kan høre til den.`;
    case 'company-cannot-have-company':
      return `${problem.name} er et firma, så det kan ikke høre til et annet firma.`;
    case 'customer-has-documents':
      return `Kunde ${problem.customerNo} for ${problem.name} (${problem.contactNo}) har ${m('{n, plural, one {# tilbud eller ordre} other {# tilbud og ordrer}}', { n: problem.documents })}, så den forblir knyttet til kontakten.`;
    case 'quote-already-exists':
      return `Et salgstilbud er allerede knyttet til salgsmulighet ${problem.opportunityNo}; hver salgsmulighet har høyst ett tilbud.`;
    case 'quote-needs-in-progress':
      return `Salgsmulighet ${problem.opportunityNo} må være i gang for å få et salgstilbud (den er ${statusLabel(problem.status)}).`;
    case 'quote-needs-company-contact':
      return `Tilbud kan bare lages for firmakontakter (eller personer som hører til et firma); ${problem.name} (${problem.contactNo}) har ikke noe firma.`;
    case 'quote-line-invalid':
      return `Linje ${problem.line}: ${quoteLineRule(problem.field)}.`;
    case 'quote-too-many-lines':
      return `Et tilbud kan ha høyst ${problem.max} linjer (dette har ${problem.count}).`;
    case 'make-order-not-started':
      return `Salgsmulighet ${problem.opportunityNo} er ikke startet, så den har ikke noe tilbud å gjøre om til en ordre.`;
    case 'delete-in-progress':
      return `Salgsmulighet ${problem.opportunityNo} er i gang og kan ikke slettes; lukk den som Vunnet eller Tapt først.`;
    case 'task-not-open':
      return `Oppgave ${problem.taskId} er allerede ${problem.status === 'completed' ? 'utført' : 'avbrutt'}; ingenting ble endret.`;
    case 'postpone-not-later':
      return `Oppgave ${problem.taskId} har frist ${formatDate(problem.date)}: utsett den til en senere dato enn det (du valgte ${formatDate(problem.newDate)}).`;
    case 'quote-replace-needs-in-progress':
      return `Salgsmulighet ${problem.opportunityNo} er ${statusLabel(problem.status)}: tilbudet kan bare erstattes mens den er i gang.`;
    case 'purge-range-empty':
      return `Ingen dag ligger etter ${formatDate(problem.closedAfter)} og før ${formatDate(problem.closedBefore)}; utvid datoområdet for lukking.`;
    case 'opportunity-not-found':
      return `Salgsmulighet ${problem.no} finnes ikke.`;
    case 'sales-cycle-not-found':
      return `Salgssyklus ${problem.code} finnes ikke.`;
    case 'stage-not-found':
      return `Salgssyklus ${problem.cycle} har ingen fase ${problem.stage}.`;
    case 'close-code-not-found':
      return `Lukkekode ${problem.code} finnes ikke.`;
    case 'contact-not-found':
      return `Ingen kontakt samsvarer med «${problem.text}».`;
    case 'contact-ambiguous':
      return `«${problem.text}» samsvarer med flere kontakter (${listSome(problem.candidates)}); vær mer presis.`;
    case 'salesperson-not-found':
      return `Ingen selger samsvarer med «${problem.text}».`;
    case 'salesperson-blocked':
      return `Selger ${problem.name} er sperret og kan ikke tildeles salgsmuligheter.`;
    case 'customer-not-found':
      return `Ingen kunde samsvarer med «${problem.text}».`;
    case 'activity-not-found':
      return `Det finnes ingen aktivitet med koden ${problem.code}; legg den til først med /opp activity add.`;
    case 'duplicate':
      return `${duplicateLabel(problem.entity)} ${problem.key} finnes allerede.`;
    case 'changed-meanwhile':
      return `Salgsmulighet ${problem.opportunityNo} ble endret av noen andre i mellomtiden; se på den og prøv igjen.`;
    case 'sales-cycle-referenced':
      return `Salgssyklus ${problem.code} er fortsatt syklusen til ${m('{n, plural, one {# lukket eller ikke startet salgsmulighet} other {# lukkede eller ikke startede salgsmuligheter}}', { n: problem.count })}, så den kan ikke slettes; historikken deres beholder den.`;
    case 'sales-cycle-in-use':
      return `Salgssyklus ${problem.code} har fortsatt ${m('{n, plural, one {# åpen salgsmulighet} other {# åpne salgsmuligheter}}', { n: problem.openCount })}, så den kan ikke slettes.`;
    case 'stage-in-use':
      return `Fase ${problem.stage} i salgssyklus ${problem.cycle} kan ikke slettes så lenge salgsmuligheter er i den fasen.`;
    case 'close-code-in-use':
      return `Lukkekode ${problem.code} er brukt ${m('{n, plural, one {# gang} other {# ganger}}', { n: problem.entryCount })}, så den kan ikke slettes (boten holder kodene til lukkede salgsmuligheter gyldige).`;
    case 'quote-not-found':
      return `Det er ikke knyttet noe salgstilbud til salgsmulighet ${problem.opportunityNo}.`;
    case 'task-not-found':
      return `Oppgave ${problem.taskId} finnes ikke.`;
    case 'quote-has-no-lines':
      return 'Et tilbud må ha minst én linje.';
    case 'workspace-not-set-up':
      return 'Dette arbeidsområdet er ikke satt opp ennå; be en administrator kjøre oppsettet først.';
    case 'nothing-to-purge':
      return 'Ingen lukkede salgsmuligheter samsvarer med filteret, så ingenting ble slettet.';
    case 'nothing-edited':
      return `Salgsmulighet ${problem.opportunityNo} har allerede disse verdiene, så ingenting ble endret.`;
    case 'nothing-found':
      return `Ingen salgsmulighet du kan se, samsvarer med "${problem.text}". Prøv færre eller andre ord, eller /opp list all.`;
    case 'not-allowed':
      return `Bare ${problem.role === 'admin' ? 'administratorer' : 'ledere og administratorer'} kan ${guardedActionText(problem.action, problem.opportunityNo)}; spør en administrator (se /opp roles).`;
    case 'alert-channel-unusable':
      switch (problem.reason) {
        case 'not-a-channel':
          return 'Kanalvarsler legges ut i en kanal: angi kanalen (/opp alert #avtaler won lost), eller skriv kommandoen i selve kanalen.';
        case 'archived':
          return `Jeg kan ikke legge ut meldinger i <#${problem.channelId}>: kanalen er arkivert. Velg en annen kanal.`;
        case 'not-member':
          return `Jeg kan ikke legge ut meldinger i <#${problem.channelId}> ennå: inviter meg dit først (/invite i kanalen), og sett deretter opp varselet på nytt.`;
        case 'not-found':
          return `Jeg finner ikke <#${problem.channelId}>: kanalen kan være slettet, eller den er privat og jeg er ikke medlem av den. Inviter meg dit først.`;
        default:
          return assertNever(problem.reason);
      }
    case 'alert-person-unknown':
      return `<@${problem.slackUserId}> er ikke en person i dette arbeidsområdet som et varsel kan gjelde (en deaktivert konto eller en app); velg en selger med @.`;
    case 'alert-not-found':
      return `Det finnes ikke noe kanalvarsel med nummer ${problem.id} i dette arbeidsområdet; /opp alerts viser varslene med nummer.`;
    case 'last-admin':
      return `<@${problem.slackUserId}> er den eneste administratoren i dette arbeidsområdet, så ingenting ble endret; gjør noen andre til administrator først (/opp role @bruker admin).`;
    default:
      return assertNever(problem);
  }
}

function actionLabel(action: MoveAction): string {
  switch (action) {
    case 'first':
      return 'Aktiver første fase';
    case 'next':
      return 'Neste';
    case 'previous':
      return 'Forrige';
    case 'skip':
      return 'Hopp over';
    case 'jump':
      return 'Hopp tilbake';
    case 'update':
      return 'Oppdater';
    default:
      return assertNever(action);
  }
}

function actionHint(action: MoveAction): string {
  switch (action) {
    case 'first':
      return 'den er allerede startet';
    case 'next':
      return 'den er i siste fase, så lukk den heller som Vunnet eller Tapt';
    case 'previous':
      return 'den er i første fase';
    case 'skip':
      return 'Hopp over krever at neste fase kan hoppes over, og minst to faser å velge mellom';
    case 'jump':
      return 'Hopp tilbake krever minst to tidligere faser å velge mellom';
    case 'update':
      return 'den er ikke startet ennå';
    default:
      return assertNever(action);
  }
}

function guardedActionText(action: GuardedAction, opportunityNo: string | undefined): string {
  switch (action) {
    case 'set-up-sales-cycles':
      return 'sette opp salgssykluser';
    case 'set-up-stages':
      return 'sette opp fasene i salgssykluser';
    case 'set-up-close-codes':
      return 'sette opp lukkekoder';
    case 'add-contact':
      return 'legge til kontakter i dette arbeidsområdet (en administrator kan åpne det for alle med `/opp setting reps-add-contacts:yes`)';
    case 'edit-contact':
      return 'endre kontakter';
    case 'add-customer':
      return 'lage kunder av kontakter';
    case 'add-activity':
      return 'sette opp aktiviteter';
    case 'purge':
      return 'rydde bort lukkede salgsmuligheter';
    case 'change-roles':
      return 'gi folk roller';
    case 'change-settings':
      return 'endre innstillingene for arbeidsområdet';
    case 'delete-workspace':
      return 'slette dataene i arbeidsområdet';
    case 'post-digest':
      return 'publisere pipelinesammendrag';
    case 'manage-subscriptions':
      return 'planlegge pipelinesammendrag';
    case 'manage-alerts':
      return 'sette opp kanalvarsler';
    case 'set-channel-language':
      return 'velge språket for innleggene i en kanal';
    case 'create-opportunity':
      return 'opprette salgsmuligheter for en annen selger (oppgi deg selv som selger)';
    case 'change-opportunity':
      return opportunityNo
        ? `endre salgsmulighet ${opportunityNo}, fordi noen andre er selger for den`
        : 'endre salgsmuligheter der noen andre er selger';
    case 'read-opportunity':
      return opportunityNo
        ? `se salgsmulighet ${opportunityNo}, fordi noen andre er selger for den, og salgsrepresentanter her ser bare sine egne salgsmuligheter`
        : 'se salgsmuligheter der noen andre er selger: salgsrepresentanter her ser bare sine egne';
    case 'read-pipeline':
      return 'se statistikk over alle salgsmuligheter: salgsrepresentanter her ser bare sine egne';
    case 'change-task':
      return 'fullføre eller utsette oppgaver som tilhører noen andre';
    case 'read-tasks':
      return 'se oppgavene til noen andre';
    case 'reassign-opportunity':
      return opportunityNo
        ? `gi salgsmulighet ${opportunityNo} til en annen selger`
        : 'gi salgsmuligheter til en annen selger';
    default:
      return assertNever(action);
  }
}

function requiredSentence(field: RequiredField): string {
  switch (field) {
    case 'description':
      return 'Fyll ut beskrivelsen.';
    case 'note':
      return 'Skriv notatet.';
    case 'contact':
      return 'Du må angi kontakten som er involvert i salgsmuligheten.';
    case 'salesperson':
      return 'Velg en selger.';
    case 'sales-cycle':
      return 'Velg en salgssyklus.';
    case 'estimated-close-date':
      return 'Fyll ut den estimerte sluttdatoen.';
    case 'outcome':
      return 'Velg enten Vunnet eller Tapt.';
    case 'close-code':
      return 'Velg en lukkekode.';
    case 'name':
      return 'Fyll ut navnet.';
    case 'code':
      return 'Fyll ut koden.';
    default:
      return assertNever(field);
  }
}

// Norwegian puts the verb second: "For å lukke som Vunnet må salgsbeløpet være …", so whole sentences.
function positiveSentence(field: PositiveField): string {
  switch (field) {
    case 'estimated-value':
      return 'Den estimerte verdien må være større enn 0.';
    case 'chances':
      return 'Sjanse for suksess % må være større enn 0.';
    case 'sales-amount':
      return 'For å lukke som Vunnet må salgsbeløpet være større enn 0.';
    default:
      return assertNever(field);
  }
}

function percentLabel(field: PercentField): string {
  switch (field) {
    case 'chances':
      return 'Sjanse for suksess %';
    case 'completed':
      return 'Fullført %';
    case 'discount':
      return 'Rabatt %';
    default:
      return assertNever(field);
  }
}

function textLabel(field: TextField): string {
  switch (field) {
    case 'note':
      return 'Notatet';
    case 'description':
      return 'Beskrivelsen';
    case 'name':
      return 'Navnet';
    case 'code':
      return 'Koden';
    case 'email':
      return 'E-postadressen';
    case 'activity-code':
      return 'Aktivitetskoden';
    case 'date-formula':
      return 'Datoformelen';
    default:
      return assertNever(field);
  }
}

function codeLabel(entity: CodeEntity): string {
  return entity === 'sales-cycle' ? 'salgssykluskode' : entity === 'activity' ? 'aktivitetskode' : 'lukkekode';
}

function duplicateLabel(entity: DuplicateEntity): string {
  switch (entity) {
    case 'sales-cycle':
      return 'Salgssyklus';
    case 'stage':
      return 'Fase';
    case 'close-code':
      return 'Lukkekode';
    case 'contact':
      return 'Kontakt';
    case 'customer':
      return 'Kunde';
    case 'activity':
      return 'Aktivitet';
    default:
      return assertNever(entity);
  }
}

function quoteLineRule(field: QuoteLineField): string {
  switch (field) {
    case 'description':
      return 'beskrivelsen må være 1 til 100 tegn lang';
    case 'quantity':
      return 'antallet må være større enn 0, med høyst 4 desimaler';
    case 'unit-price':
      return 'enhetsprisen kan ikke være negativ og har høyst 2 desimaler';
    case 'discount':
      return 'rabatten må være mellom 0 og 100 %, med høyst 2 desimaler';
    default:
      return assertNever(field);
  }
}

function outcomeLabel(outcome: 'won' | 'lost'): string {
  return outcome === 'won' ? 'Vunnet' : 'Tapt';
}

function statusLabel(status: OpportunityStatus): string {
  switch (status) {
    case 'not_started':
      return 'ikke startet';
    case 'in_progress':
      return 'i gang';
    case 'won':
      return 'vunnet';
    case 'lost':
      return 'tapt';
    default:
      return assertNever(status);
  }
}

function stageName(stage: number, description: string): string {
  return description.trim() === '' ? String(stage) : `${stage} (${description})`;
}

function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} og ${items.length - max} til`;
}
