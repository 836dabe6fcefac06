import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}
registerEnumType(Role, { name: 'Role', description: 'What an API key may do in its workspace' });
