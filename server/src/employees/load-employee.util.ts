import { notFound } from '../common/tock-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Employee } from './employee.entity.js';

// The employee a week, shift or time-off request belongs to, batched per request.
export async function loadEmployee(ctx: GraphQLContext, id: string): Promise<Employee> {
  const employee = await ctx.loaders.employee.load(id);
  if (!employee) throw notFound('Employee');
  return employee;
}
