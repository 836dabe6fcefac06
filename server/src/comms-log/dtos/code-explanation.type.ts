import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'C2: a provider or Tock error code in words, with what to do about it' })
export class CodeExplanation {
  @Field(() => String) code!: string;
  @Field(() => String, { description: '"Vonage send status", "Vonage delivery receipt", "Vonage HTTP" or "Tock"' }) source!: string;
  @Field(() => String) title!: string;
  @Field(() => String) meaning!: string;
  @Field(() => String) whatToDo!: string;
}
