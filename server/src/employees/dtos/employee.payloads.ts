import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a bulk opt-in change did; matched = changed + unchanged + skippedNoPhone' })
export class BulkSmsOptInResult {
  @Field(() => Int, { description: 'Employees in scope' }) matched!: number;
  @Field(() => Int, { description: 'Employees whose smsOptIn changed; one consent record each (E2, source BULK)' }) changed!: number;
  @Field(() => Int, { description: 'Employees already in the asked state' }) unchanged!: number;
  @Field(() => Int, { description: 'Employees left opted out because they have no phone number' }) skippedNoPhone!: number;
  @Field(() => Int, { description: 'E5: schedule weeks whose Send SMS Alert was turned on' }) weeksAlertEnabled!: number;
}

@ObjectType({ description: 'What a bulk opt-in would do now, counted as bulkSetEmployeeSmsOptIn counts' })
export class BulkSmsOptInPreview {
  @Field(() => Int, { description: 'Employees in scope' }) matched!: number;
  @Field(() => Int, { description: 'Employees whose smsOptIn would change' }) changed!: number;
  @Field(() => Int, { description: 'Employees already in the asked state' }) unchanged!: number;
  @Field(() => Int, { description: 'Employees who would stay opted out because they have no phone number' }) skippedNoPhone!: number;
}
