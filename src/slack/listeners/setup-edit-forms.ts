// The setup edit forms (`cycle edit`, `stage edit`, `code edit`, `contact edit`, the lists' Edit buttons):
// the add forms in their edit mode, pre-filled, and the context that names what they change.
import { closeCodeModal, contactEditModal, type ModalView, salesCycleModal, stageModal } from '../blocks/index.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { SetupEditForm } from '../../usecases/setup.ts';
import type { FormContext } from './contexts.ts';

export function setupEditForm(p: Presenter, form: SetupEditForm): { view: ModalView; context: FormContext } {
  switch (form.what) {
    case 'cycle':
      return { view: salesCycleModal(p, form.cycle, 'edit'), context: { code: form.cycle.code } };
    case 'stage':
      return {
        view: stageModal(p, { cycles: [], cycleCode: form.cycle.code, initial: form.stage, mode: 'edit' }),
        context: { cycleCode: form.cycle.code, stageNo: form.stage.stage },
      };
    case 'code':
      return { view: closeCodeModal(p, form.code, 'edit'), context: { code: form.code.code } };
    case 'contact':
      return { view: contactEditModal(p, form.contact), context: { contactNo: form.contact.no } };
  }
}

/** The object without its undefined properties (what was not typed stays as it is). */
export function definedOnly<T extends object>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
