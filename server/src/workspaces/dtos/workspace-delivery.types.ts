import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum DeliveryProvider {
  VONAGE = 'VONAGE',
  SANDBOX = 'SANDBOX',
  NONE = 'NONE',
}
registerEnumType(DeliveryProvider, { name: 'DeliveryProvider', description: 'How texts leave Tock' });

@ObjectType({ description: 'W3: whether this workspace can send, and how' })
export class WorkspaceDelivery {
  @Field(() => Boolean, { description: 'A provider and a sender number: without both, texts are SKIPPED DELIVERY_NOT_CONFIGURED' })
  configured!: boolean;
  @Field(() => DeliveryProvider) provider!: DeliveryProvider;
  @Field(() => Boolean, { description: 'E8: SMTP is configured for the email-to-SMS fallback' }) emailFallback!: boolean;
  @Field(() => String, { nullable: true, description: "The number texts come from: the workspace's, else the server's VONAGE_FROM" })
  senderNumber!: string | null;
  @Field(() => String, { description: 'One sentence for people' }) summary!: string;
}
