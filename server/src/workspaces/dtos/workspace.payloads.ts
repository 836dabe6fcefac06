import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../common/role.enum.js';
import { ApiKey } from '../api-key.entity.js';
import { Workspace } from '../workspace.entity.js';

@ObjectType({ description: 'An API key with its secret, returned only when the key is created' })
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field(() => String, { description: 'Shown once; Tock stores only its hash' }) secret!: string;
}

@ObjectType()
export class CreateWorkspacePayload {
  @Field(() => Workspace) workspace!: Workspace;
  @Field(() => CreatedApiKey, { nullable: true, description: 'The first ADMIN key; null when answering a retry' })
  adminKey!: CreatedApiKey | null;
}

@ObjectType()
export class Me {
  @Field(() => Workspace) workspace!: Workspace;
  @Field(() => Role) role!: Role;
  @Field(() => String) apiKeyName!: string;
}
