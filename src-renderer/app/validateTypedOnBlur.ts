import type { UseFormReturnType } from '@mantine/form';
import type { FocusEvent } from 'react';

/**
 * Checks a typed value when the field is left. An empty field is only checked on submit, and so
 * is any field left for a button: a message appearing on blur shifts the layout under the pointer
 * while the button is pressed, and the click would miss it. Submit validates everything anyway.
 */
export function validateTypedOnBlur<V extends Record<string, unknown>>(form: UseFormReturnType<V>, field: keyof V & string) {
  return {
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (event.relatedTarget instanceof HTMLButtonElement) return;
      const value = form.getValues()[field];
      if (typeof value === 'string' && value.trim() !== '') form.validateField(field);
    },
  };
}
