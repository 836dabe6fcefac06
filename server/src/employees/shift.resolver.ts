import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Employee } from './employee.entity.js';
import { loadEmployee } from './load-employee.util.js';
import { Shift } from './shift.entity.js';

@Resolver(() => Shift)
export class ShiftResolver {
  @FieldResolver(() => Employee)
  employee(@Root() shift: Shift, @Ctx() ctx: GraphQLContext): Promise<Employee> {
    return loadEmployee(ctx, shift.employeeId);
  }
}
