/** A filter select's value: any (''), yes or no. */
export type YesNoChoice = '' | 'yes' | 'no';

/** The filter field for a choice: undefined for "any". */
export const choiceAsBoolean = (choice: YesNoChoice): boolean | undefined => (choice === '' ? undefined : choice === 'yes');
