/** A filter select's value: any (''), yes or no. */
export type YesNoChoice = '' | 'yes' | 'no';

/** The filter field for a choice: undefined for "any". */
export const choiceAsBoolean = (choice: YesNoChoice): boolean | undefined => (choice === '' ? undefined : choice === 'yes');

/** The yes and no options of a filter choice, worded for what they filter ("Has a phone", "No phone"). */
export const yesNo = (yes: string, no: string): { value: YesNoChoice; label: string }[] => [
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];
