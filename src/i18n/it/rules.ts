// Italian sentences for the rule problems, written for a sales rep: what went wrong and what to do. The
// same problems as src/i18n/en/rules.ts.
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

const m = icuFor('it');

/**
 * The sentence for a problem; every text in it that came from a person is escaped first, and its dates
 * and percentages are written by the reader's formatter.
 */
export function describeRuleProblem(problem: Problem, format: Formatter): Markup {
  return catalogueText(sentence(escapeFields(problem), format));
}

function sentence(problem: Problem, format: Formatter): string {
  const formatDate = (date: LocalDate): string => format.date(date);
  // A percentage as it was entered, every decimal kept ("12,5", "40").
  const formatPercent = (value: Decimal): string => format.groupedNumber(value);
  switch (problem.kind) {
    case 'action-not-available':
      if (problem.notStarted && problem.action !== 'first')
        return `L’opportunità ${problem.opportunityNo} non è ancora stata avviata: attivarne prima la prima fase (Attiva prima fase nella sua scheda, oppure /opp move ${problem.opportunityNo}).`;
      return `L’azione ${actionLabel(problem.action)} non è possibile per l’opportunità ${problem.opportunityNo} in questo momento: ${actionHint(problem.action)}.`;
    case 'no-stages':
      return `Il ciclo di vendita ${problem.cycle} non ha ancora fasi; aggiungervi prima una fase.`;
    case 'stage-not-allowed':
      if (problem.allowed.length === 0)
        return `L’azione ${actionLabel(problem.action)} non ha alcuna fase di destinazione.`;
      return Number.isFinite(problem.stage)
        ? `La fase ${problem.stage} non è una destinazione valida per l’azione ${actionLabel(problem.action)}; scegliere tra ${problem.allowed.join(', ')}.`
        : `Scegliere una fase per l’azione ${actionLabel(problem.action)}: una tra ${problem.allowed.join(', ')}.`;
    case 'quote-required':
      return `Non è possibile passare alla fase ${stageName(problem.stage, problem.stageDescription)} finché all’opportunità non viene assegnata un’offerta di vendita.`;
    case 'date-of-change-before-last':
      return `La data modifica (${formatDate(problem.dateOfChange)}) non può essere precedente all’ultima data modifica (${formatDate(problem.lastDateOfChange)}).`;
    case 'must-be-positive':
      if (problem.untypedOn !== undefined)
        return `L’opportunità ${problem.untypedOn} non ha ancora un valore stimato, che deve essere maggiore di 0 per poter avanzare: indicarlo con Aggiorna nella sua scheda, oppure con /opp update ${problem.untypedOn} value:25000.`;
      return `${positiveLabel(problem.field)} deve essere maggiore di 0.`;
    case 'percent-out-of-range':
      return `${percentLabel(problem.field)} deve essere compresa tra 0 e 100 con al massimo 2 decimali (valore inserito: ${formatPercent(problem.value)}).`;
    case 'completed-not-whole':
      return `La % completato di una fase deve essere un numero intero (valore inserito: ${formatPercent(problem.value)}).`;
    case 'close-date-before-change':
      return `La data chiusura stimata (${formatDate(problem.estimatedCloseDate)}) non può essere precedente alla data modifica (${formatDate(problem.dateOfChange)}).`;
    case 'close-date-before-today':
      return `La data chiusura stimata (${formatDate(problem.estimatedCloseDate)}) non può essere precedente a oggi (${formatDate(problem.today)}).`;
    case 'opportunity-closed':
      return `L’opportunità ${problem.opportunityNo} è già chiusa come ${problem.status === 'won' ? 'Vinta' : 'Persa'} e non può più essere modificata.`;
    case 'already-started':
      return `L’opportunità ${problem.opportunityNo} è già stata avviata, quindi la sua prima fase non può essere attivata di nuovo.`;
    case 'sales-cycle-locked':
      return `Il ciclo di vendita dell’opportunità ${problem.opportunityNo} può essere cambiato solo prima che l’opportunità venga avviata.`;
    case 'sales-cycle-blocked':
      return `Il ciclo di vendita ${problem.code} è bloccato, quindi non può essere usato per le opportunità.`;
    case 'required':
      return requiredSentence(problem.field);
    case 'too-long':
      return `${textLabel(problem.field)} può contenere al massimo ${problem.max} caratteri.`;
    case 'code-invalid':
      return `"${problem.code}" non è un codice ${codeLabel(problem.entity)} valido: usare da 1 a ${problem.max} caratteri senza spazi.`;
    case 'stage-number-invalid':
      return `Il numero della fase deve essere un numero intero pari o superiore a 1 (valore inserito: ${problem.value}).`;
    case 'bad-date-formula':
      return `"${problem.text}" non è una formula data. Usare termini come 10D, 2W, 1M, 1Q, 1Y o CM (fine mese), uniti da + o -, es. 1M+CM.`;
    case 'close-code-wrong-type':
      return `Il codice chiusura ${problem.code} è per l’esito ${outcomeLabel(problem.codeType)}, quindi non può essere usato per chiudere come ${outcomeLabel(problem.outcome)}.`;
    case 'closing-date-before-last-change':
      return `La data chiusura (${formatDate(problem.closingDate)}) non può essere precedente all’ultima modifica (${formatDate(problem.lastChange)}).`;
    case 'contact-has-no-company':
      return `Non è possibile creare un cliente da ${problem.name} (${problem.contactNo}) finché il contatto non appartiene a una società; collegare prima la persona a una società.`;
    case 'contact-other-company':
      return `${problem.name} (${problem.contactNo}) appartiene a un’altra società; una volta avviata l’opportunità, il contatto può cambiare solo all’interno della stessa società.`;
    case 'contact-company-not-company':
      return `Il contatto ${problem.companyNo} è una persona, non una società, quindi nessuno può appartenervi.`;
    case 'company-cannot-have-company':
      return `${problem.name} è una società, quindi non può appartenere a un’altra società.`;
    case 'customer-has-documents':
      return `Il cliente ${problem.customerNo} di ${problem.name} (${problem.contactNo}) ha ${m('{n, plural, one {# offerta o ordine} many {# di offerte e ordini} other {# offerte e ordini}}', { n: problem.documents })}, quindi resta collegato al contatto.`;
    case 'quote-already-exists':
      return `All’opportunità ${problem.opportunityNo} è già assegnata un’offerta di vendita; ogni opportunità ha al massimo un’offerta.`;
    case 'quote-needs-in-progress':
      return `L’opportunità ${problem.opportunityNo} deve essere in corso per ricevere un’offerta di vendita (stato attuale: ${statusLabel(problem.status)}).`;
    case 'quote-needs-company-contact':
      return `Le offerte possono essere create solo per contatti società (o persone che appartengono a una società); ${problem.name} (${problem.contactNo}) non ha una società.`;
    case 'quote-line-invalid':
      return `Riga ${problem.line}: ${quoteLineRule(problem.field)}.`;
    case 'quote-too-many-lines':
      return `Un’offerta può avere al massimo ${problem.max} righe (questa ne ha ${problem.count}).`;
    case 'make-order-not-started':
      return `L’opportunità ${problem.opportunityNo} non è stata avviata, quindi non ha un’offerta da trasformare in ordine.`;
    case 'delete-in-progress':
      return `L’opportunità ${problem.opportunityNo} è in corso e non può essere eliminata; chiuderla prima come Vinta o Persa.`;
    case 'task-not-open':
      return `L’impegno ${problem.taskId} è già ${problem.status === 'completed' ? 'completato' : 'annullato'}; non è stato modificato nulla.`;
    case 'postpone-not-later':
      return `L’impegno ${problem.taskId} ha scadenza ${formatDate(problem.date)}: rinviarlo a una data successiva (data scelta: ${formatDate(problem.newDate)}).`;
    case 'quote-replace-needs-in-progress':
      return `L’opportunità ${problem.opportunityNo} ${problem.status === 'not_started' ? 'non è ancora stata avviata' : problem.status === 'won' ? 'è stata vinta' : 'è stata persa'}: la sua offerta può essere sostituita solo mentre è in corso.`;
    case 'purge-range-empty':
      return `Nessun giorno è compreso tra ${formatDate(problem.closedAfter)} e ${formatDate(problem.closedBefore)} (estremi esclusi); ampliare l’intervallo delle date di chiusura.`;
    case 'opportunity-not-found':
      return `L’opportunità ${problem.no} non esiste.`;
    case 'sales-cycle-not-found':
      return `Il ciclo di vendita ${problem.code} non esiste.`;
    case 'stage-not-found':
      return `Il ciclo di vendita ${problem.cycle} non ha una fase ${problem.stage}.`;
    case 'close-code-not-found':
      return `Il codice chiusura ${problem.code} non esiste.`;
    case 'contact-not-found':
      return `Nessun contatto corrisponde a "${problem.text}".`;
    case 'contact-ambiguous':
      return `"${problem.text}" corrisponde a più contatti (${listSome(problem.candidates)}); specificare meglio.`;
    case 'salesperson-not-found':
      return `Nessun agente corrisponde a "${problem.text}".`;
    case 'salesperson-blocked':
      return `L’agente ${problem.name} è bloccato e non può essere assegnato alle opportunità.`;
    case 'customer-not-found':
      return `Nessun cliente corrisponde a "${problem.text}".`;
    case 'activity-not-found':
      return `Non esiste un’attività con codice ${problem.code}; aggiungerla prima con /opp activity add.`;
    case 'duplicate':
      return `${duplicateLabel(problem.entity)} ${problem.key} esiste già.`;
    case 'changed-meanwhile':
      return `Nel frattempo l’opportunità ${problem.opportunityNo} è stata modificata da un’altra persona; verificarla e riprovare.`;
    case 'sales-cycle-referenced':
      return `Il ciclo di vendita ${problem.code} è ancora il ciclo di ${m('{n, plural, one {# opportunità chiusa o non avviata} many {# di opportunità chiuse o non avviate} other {# opportunità chiuse o non avviate}}', { n: problem.count })}, quindi non può essere eliminato; la loro cronologia ne ha bisogno.`;
    case 'sales-cycle-in-use':
      return `Il ciclo di vendita ${problem.code} ha ancora ${m('{n, plural, one {# opportunità aperta} many {# di opportunità aperte} other {# opportunità aperte}}', { n: problem.openCount })}, quindi non può essere eliminato.`;
    case 'stage-in-use':
      return `La fase ${problem.stage} del ciclo di vendita ${problem.cycle} non può essere eliminata finché vi si trovano delle opportunità.`;
    case 'close-code-in-use':
      return `Il codice chiusura ${problem.code} è stato usato ${m('{n, plural, one {# volta} many {# di volte} other {# volte}}', { n: problem.entryCount })}, quindi non può essere eliminato (il bot mantiene validi i codici delle opportunità chiuse).`;
    case 'quote-not-found':
      return `All’opportunità ${problem.opportunityNo} non è assegnata alcuna offerta di vendita.`;
    case 'task-not-found':
      return `L’impegno ${problem.taskId} non esiste.`;
    case 'quote-has-no-lines':
      return 'Un’offerta deve avere almeno una riga.';
    case 'workspace-not-set-up':
      return 'Quest’area di lavoro non è ancora configurata; chiedere a un amministratore di eseguire prima la configurazione.';
    case 'nothing-to-purge':
      return 'Nessuna opportunità chiusa corrisponde al filtro, quindi non è stato eliminato nulla.';
    case 'nothing-edited':
      return `L’opportunità ${problem.opportunityNo} ha già quei valori, quindi non è stato modificato nulla.`;
    case 'nothing-found':
      return `Nessuna opportunità visibile corrisponde a "${problem.text}". Provare con meno parole o con parole diverse, oppure /opp list all.`;
    case 'not-allowed':
      return `Solo ${problem.role === 'admin' ? 'gli amministratori' : 'i manager e gli amministratori'} possono ${guardedActionText(problem.action, problem.opportunityNo)}; rivolgersi a un amministratore (vedere /opp roles).`;
    case 'alert-channel-unusable':
      switch (problem.reason) {
        case 'not-a-channel':
          return 'Gli avvisi vengono pubblicati in un canale: indicarne uno (/opp alert #trattative won lost) oppure digitare il comando nel canale stesso.';
        case 'archived':
          return `Non posso pubblicare in <#${problem.channelId}>: il canale è archiviato. Sceglierne un altro.`;
        case 'not-member':
          return `Non posso ancora pubblicare in <#${problem.channelId}>: prima invitarmi nel canale (/invite nel canale stesso), poi impostare di nuovo l’avviso.`;
        case 'not-found':
          return `Non trovo <#${problem.channelId}>: forse il canale è stato eliminato, oppure è privato e non ne faccio parte. Prima invitarmi nel canale.`;
        default:
          return assertNever(problem.reason);
      }
    case 'alert-person-unknown':
      return `<@${problem.slackUserId}> non è una persona di quest’area di lavoro su cui si possano impostare avvisi (è un account disattivato o un’app); scegliere un agente con @.`;
    case 'alert-not-found':
      return `L’avviso ${problem.id} non esiste in quest’area di lavoro; /opp alerts elenca gli avvisi con i loro numeri.`;
    case 'last-admin':
      return `<@${problem.slackUserId}> è l’unico amministratore di quest’area di lavoro, quindi non è stato modificato nulla; nominare prima un altro amministratore (/opp role @utente admin).`;
    default:
      return assertNever(problem);
  }
}

function actionLabel(action: MoveAction): string {
  switch (action) {
    case 'first':
      return 'Attiva prima fase';
    case 'next':
      return 'Successivo';
    case 'previous':
      return 'Precedente';
    case 'skip':
      return 'Salta';
    case 'jump':
      return 'Vai a';
    case 'update':
      return 'Aggiorna';
    default:
      return assertNever(action);
  }
}

function actionHint(action: MoveAction): string {
  switch (action) {
    case 'first':
      return 'è già stata avviata';
    case 'next':
      return 'si trova nell’ultima fase, quindi chiuderla come Vinta o Persa';
    case 'previous':
      return 'si trova nella prima fase';
    case 'skip':
      return 'Salta richiede che la fase successiva consenta di essere saltata e almeno due fasi tra cui scegliere';
    case 'jump':
      return 'Vai a richiede almeno due fasi precedenti tra cui scegliere';
    case 'update':
      return 'non è ancora stata avviata';
    default:
      return assertNever(action);
  }
}

function guardedActionText(action: GuardedAction, opportunityNo: string | undefined): string {
  switch (action) {
    case 'set-up-sales-cycles':
      return 'configurare i cicli di vendita';
    case 'set-up-stages':
      return 'configurare le fasi dei cicli di vendita';
    case 'set-up-close-codes':
      return 'configurare i codici chiusura';
    case 'add-contact':
      return 'aggiungere contatti in quest’area di lavoro (un amministratore può aprirlo a tutti con `/opp setting reps-add-contacts:yes`)';
    case 'edit-contact':
      return 'modificare i contatti';
    case 'add-customer':
      return 'creare clienti dai contatti';
    case 'add-activity':
      return 'configurare le attività';
    case 'purge':
      return 'eliminare in blocco le opportunità chiuse';
    case 'change-roles':
      return 'assegnare i ruoli';
    case 'change-settings':
      return 'cambiare le impostazioni dell’area di lavoro';
    case 'delete-workspace':
      return 'eliminare i dati dell’area di lavoro';
    case 'post-digest':
      return 'pubblicare i riepiloghi della pipeline';
    case 'manage-subscriptions':
      return 'programmare i riepiloghi della pipeline';
    case 'manage-alerts':
      return 'impostare gli avvisi nei canali';
    case 'set-channel-language':
      return 'scegliere la lingua dei messaggi di un canale';
    case 'create-opportunity':
      return 'creare opportunità per un altro agente (indicare sé stessi come agente)';
    case 'change-opportunity':
      return opportunityNo
        ? `modificare l’opportunità ${opportunityNo}, perché il suo agente è un’altra persona`
        : 'modificare le opportunità il cui agente è un’altra persona';
    case 'read-opportunity':
      return opportunityNo
        ? `vedere l’opportunità ${opportunityNo}, perché il suo agente è un’altra persona e qui gli agenti vedono solo le proprie opportunità`
        : 'vedere le opportunità il cui agente è un’altra persona: qui gli agenti vedono solo le proprie';
    case 'read-pipeline':
      return 'vedere le statistiche di tutte le opportunità: qui gli agenti vedono solo le proprie';
    case 'change-task':
      return 'completare o rinviare impegni di cui è titolare un’altra persona';
    case 'read-tasks':
      return 'vedere gli impegni di altre persone';
    case 'reassign-opportunity':
      return opportunityNo
        ? `assegnare l’opportunità ${opportunityNo} a un altro agente`
        : 'assegnare le opportunità a un altro agente';
    default:
      return assertNever(action);
  }
}

function requiredSentence(field: RequiredField): string {
  switch (field) {
    case 'description':
      return 'Compilare la descrizione.';
    case 'note':
      return 'Scrivere la nota.';
    case 'contact':
      return 'Specificare il contatto coinvolto nell’opportunità.';
    case 'salesperson':
      return 'Scegliere un agente.';
    case 'sales-cycle':
      return 'Scegliere un ciclo di vendita.';
    case 'estimated-close-date':
      return 'Compilare la data chiusura stimata.';
    case 'outcome':
      return 'Scegliere Vinta o Persa.';
    case 'close-code':
      return 'Scegliere un codice chiusura.';
    case 'name':
      return 'Compilare il nome.';
    case 'code':
      return 'Compilare il codice.';
    default:
      return assertNever(field);
  }
}

function positiveLabel(field: PositiveField): string {
  switch (field) {
    case 'estimated-value':
      return 'Il valore stimato';
    case 'chances':
      return 'La % probabilità di successo';
    case 'sales-amount':
      return 'Per chiudere come Vinta, l’importo vendita';
    default:
      return assertNever(field);
  }
}

function percentLabel(field: PercentField): string {
  switch (field) {
    case 'chances':
      return 'La % probabilità di successo';
    case 'completed':
      return 'La % completato';
    case 'discount':
      return 'La % sconto';
    default:
      return assertNever(field);
  }
}

function textLabel(field: TextField): string {
  switch (field) {
    case 'note':
      return 'Una nota';
    case 'description':
      return 'La descrizione';
    case 'name':
      return 'Il nome';
    case 'code':
      return 'Il codice';
    case 'email':
      return 'L’indirizzo e-mail';
    case 'activity-code':
      return 'Il codice attività';
    case 'date-formula':
      return 'La formula data';
    default:
      return assertNever(field);
  }
}

function codeLabel(entity: CodeEntity): string {
  return entity === 'sales-cycle' ? 'ciclo di vendita' : entity === 'activity' ? 'attività' : 'chiusura';
}

function duplicateLabel(entity: DuplicateEntity): string {
  switch (entity) {
    case 'sales-cycle':
      return 'Il ciclo di vendita';
    case 'stage':
      return 'La fase';
    case 'close-code':
      return 'Il codice chiusura';
    case 'contact':
      return 'Il contatto';
    case 'customer':
      return 'Il cliente';
    case 'activity':
      return 'L’attività';
    default:
      return assertNever(entity);
  }
}

function quoteLineRule(field: QuoteLineField): string {
  switch (field) {
    case 'description':
      return 'la descrizione deve avere da 1 a 100 caratteri';
    case 'quantity':
      return 'la quantità deve essere maggiore di 0, con al massimo 4 decimali';
    case 'unit-price':
      return 'il prezzo unitario non può essere negativo e ha al massimo 2 decimali';
    case 'discount':
      return 'lo sconto deve essere compreso tra 0 e 100 %, con al massimo 2 decimali';
    default:
      return assertNever(field);
  }
}

function outcomeLabel(outcome: 'won' | 'lost'): string {
  return outcome === 'won' ? 'Vinta' : 'Persa';
}

function statusLabel(status: OpportunityStatus): string {
  switch (status) {
    case 'not_started':
      return 'non avviata';
    case 'in_progress':
      return 'in corso';
    case 'won':
      return 'vinta';
    case 'lost':
      return 'persa';
    default:
      return assertNever(status);
  }
}

function stageName(stage: number, description: string): string {
  return description.trim() === '' ? String(stage) : `${stage} (${description})`;
}

function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} e altri ${items.length - max}`;
}
