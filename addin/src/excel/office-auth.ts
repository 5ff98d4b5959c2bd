import type { OfficeAuthHost } from '../auth/entra-auth.js';

/** Office answers a closed dialog with this event error (the user closed it, or navigation failed). */
const DIALOG_CLOSED = 12006;

/**
 * What Office offers the sign-in (src/auth/entra-auth.ts), here because only src/excel/ touches
 * the Office globals. `host` is what Office.onReady answered: null in a browser tab.
 */
export function officeAuthHost(host: string | null): OfficeAuthHost {
  return {
    inOffice: () => host !== null,
    // Nested app authentication: Office brokers the pane's tokens (NestedAppAuth 1.1).
    supportsNestedAppAuth: () => host !== null && (Office.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') ?? false),
    openDialog: (url) =>
      new Promise<string>((resolve, reject) => {
        Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
          if (opened.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(`dialog: ${opened.error.code} ${opened.error.message}`));
          const dialog = opened.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
            dialog.close();
            if ('message' in arg) resolve(arg.message);
            else reject(new Error(`dialog: ${arg.error}`));
          });
          dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
            reject(new Error(`dialog: ${'error' in arg && arg.error === DIALOG_CLOSED ? 'closed' : String('error' in arg ? arg.error : 'event')}`));
          });
        });
      }),
  };
}

/** From inside the sign-in dialog (dist/auth-dialog.html): hands `message` to the pane that opened it. */
export function messageParent(message: string): void {
  Office.context.ui.messageParent(message);
}
