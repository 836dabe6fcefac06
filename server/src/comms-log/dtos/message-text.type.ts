import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'C2: the words of one text' })
export class MessageText {
  @Field(() => String, { nullable: true, description: 'Null for an inbound text (its words are the body) or when its subject is gone' }) text!: string | null;
  @Field(() => Boolean, { description: 'True: the text as sent (or fixed when recorded); false: as it would read if sent now' }) asSent!: boolean;
}
