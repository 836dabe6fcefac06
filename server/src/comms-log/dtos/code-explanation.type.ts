import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'C2: a provider or Tock error code in words, with what to do about it' })
export class CodeExplanation {
  @Field() code!: string;
  @Field({ description: '"Vonage send status", "Vonage delivery receipt", "Vonage HTTP" or "Tock"' }) source!: string;
  @Field() title!: string;
  @Field() meaning!: string;
  @Field() whatToDo!: string;
}
