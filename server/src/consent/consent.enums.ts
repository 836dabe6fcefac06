import { registerEnumType } from 'type-graphql';

export enum ConsentSubjectType {
  PARTICIPANT = 'PARTICIPANT',
  EMPLOYEE = 'EMPLOYEE',
}
export enum ConsentAction {
  GRANTED = 'GRANTED',
  REVOKED = 'REVOKED',
}
/** Where a consent change came from (S3, S7, S8, E2, K2, K3, K7). */
export enum ConsentSource {
  SIGNUP_FORM = 'SIGNUP_FORM',
  MANAGE_BOOKING = 'MANAGE_BOOKING',
  ADMIN = 'ADMIN',
  SIGNUP = 'SIGNUP',
  KEYWORD = 'KEYWORD',
  BULK = 'BULK',
  CARRIER = 'CARRIER',
}
registerEnumType(ConsentSubjectType, { name: 'ConsentSubjectType' });
registerEnumType(ConsentAction, { name: 'ConsentAction' });
registerEnumType(ConsentSource, { name: 'ConsentSource' });
