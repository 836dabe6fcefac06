/**
 * What a text is about, as the database says it is now, beside what the text
 * said when it was recorded. Plain values: the loader reads them, this module
 * judges them.
 */
export type TextSubject =
  /** A keyword reply or a cancellation: nothing it says can go stale. */
  | { about: 'nothing' }
  /** K9: an opt-in confirmation, for the number that was opted in. */
  | { about: 'number'; textedNumber: string | null; currentNumber: string | null }
  /** S6: a text about a booked session, at the start it names (null: it names none). */
  | { about: 'booking'; booked: boolean; sessionScheduled: boolean; sessionStart: Date; describedStart: Date | null }
  /** E6: a shift alert, for a shift of a published week, at the start it names. */
  | { about: 'shift'; shiftStart: Date | null; weekPublished: boolean; describedStart: Date | null }
  /** E4: a published week's schedule, with shifts in it. */
  | { about: 'week'; weekPublished: boolean; shiftCount: number }
  /** E6: the answer to a time-off request, once it is decided. */
  | { about: 'timeOff'; decided: boolean };

const sameInstant = (a: Date | null, b: Date | null) => !!a && !!b && a.getTime() === b.getTime();

/** S6: whether the booking, session, shift or number a text is about still holds as the text describes it. */
export function stillValid(subject: TextSubject): boolean {
  switch (subject.about) {
    case 'nothing':
      return true;
    case 'number':
      return subject.textedNumber === subject.currentNumber;
    case 'booking':
      return subject.booked && subject.sessionScheduled && (subject.describedStart === null || sameInstant(subject.describedStart, subject.sessionStart));
    case 'shift':
      return subject.shiftStart !== null && subject.weekPublished && (subject.describedStart === null || sameInstant(subject.describedStart, subject.shiftStart));
    case 'week':
      return subject.weekPublished && subject.shiftCount > 0;
    case 'timeOff':
      return subject.decided;
  }
}
