/** What an API key may do in its workspace (registered for GraphQL in graphql/enums.ts). */
export enum Role {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}
