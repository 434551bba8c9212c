import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

/** Marks the form items named in a server error's `fields`; returns the messages that matched no item. */
export function applyFieldErrors(form: FormInstance, fields: Record<string, string>): string[] {
  const known = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  const unmatched: string[] = [];
  const matched: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [path, message] of Object.entries(fields)) {
    // List items are named by number in a form (rules.0.days): a string index would name another field.
    if (known.has(path)) matched.push({ name: path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [message] });
    else unmatched.push(message);
  }
  if (matched.length) form.setFields(matched);
  return unmatched;
}

/** Shows a failed request's message, and puts its field messages on the matching form items. */
export function useErrorHandler() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (error instanceof ApiError) {
        if (form && Object.keys(error.fields).length) applyFieldErrors(form, error.fields);
        void message.error({ content: error.message, key: `api-error-${error.code}` });
        return;
      }
      console.error(error);
      void message.error(t('error.unexpected'));
    },
    [message, t],
  );
}
