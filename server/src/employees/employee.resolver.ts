import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { Role } from '../common/role.enum.js';
import { BulkSetEmployeeSmsOptInInput, BulkSmsOptInScopeInput, EmployeeFilter, SetEmployeeSmsOptInInput, UpsertEmployeeInput } from './dtos/employee.inputs.js';
import { BulkSmsOptInPreview, BulkSmsOptInResult } from './dtos/employee.payloads.js';
import { UpsertEmployeesInput, UpsertEmployeesResult } from './dtos/employee-import.inputs.js';
import { Employee } from './employee.entity.js';
import { ScheduleWeek } from './schedule-week.entity.js';

const EmployeeConnection = Connection(Employee, 'Employee');

@Resolver(() => Employee)
export class EmployeeResolver {
  @Authorized()
  @Query(() => EmployeeConnection, { description: 'Ordered by name' })
  employees(
    @Arg('filter', () => EmployeeFilter, { nullable: true }) filter: EmployeeFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.employees.list(workspaceActor(ctx).workspaceId, filter, page);
  }

  @Authorized()
  @Query(() => Employee)
  employee(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Employee> {
    return ctx.services.employees.get(workspaceActor(ctx).workspaceId, id);
  }

  @FieldResolver(() => [ScheduleWeek], { description: 'Every saved week, oldest first' })
  scheduleWeeks(@Root() employee: Employee, @Ctx() ctx: GraphQLContext): Promise<ScheduleWeek[]> {
    return ctx.loaders.weeksByEmployee.load(employee.id);
  }

  @Authorized()
  @Mutation(() => Employee, { description: 'Create (E1: opted out) or update an employee; a new phone starts a carrier look-up (E7); an opted-in employee stays opted in on a new number, which gets the opt-in confirmation (E9, K9)' })
  upsertEmployee(@Arg('input', () => UpsertEmployeeInput) input: UpsertEmployeeInput, @Ctx() ctx: GraphQLContext): Promise<Employee> {
    return ctx.services.employees.save(workspaceActor(ctx), ctx.request, input);
  }

  @Authorized()
  @Mutation(() => Employee, { description: 'E2: change one employee\'s SMS opt-in (a consent record); E5 when turning it on' })
  setEmployeeSmsOptIn(
    @Arg('input', () => SetEmployeeSmsOptInInput) input: SetEmployeeSmsOptInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Employee> {
    return ctx.services.employees.setSmsOptIn(workspaceActor(ctx), ctx.request, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UpsertEmployeesResult, {
    description:
      'Create or update up to 1,000 employees (ADMIN only), set-based; each row succeeds or fails on its own with a typed error; each opt-in change is a consent record (E2, source BULK) with its statement; E5, E7 and K9 as for one',
  })
  upsertEmployees(@Arg('input', () => UpsertEmployeesInput) input: UpsertEmployeesInput, @Ctx() ctx: GraphQLContext): Promise<UpsertEmployeesResult> {
    return ctx.services.employeeImport.upsert(workspaceActor(ctx), ctx.request, input);
  }

  @Authorized(Role.ADMIN)
  @Query(() => BulkSmsOptInPreview, { description: 'E2: what bulkSetEmployeeSmsOptIn would do now (ADMIN only); changes nothing' })
  bulkSmsOptInPreview(@Arg('input', () => BulkSmsOptInScopeInput) input: BulkSmsOptInScopeInput, @Ctx() ctx: GraphQLContext): Promise<BulkSmsOptInPreview> {
    return ctx.services.bulkSmsOptIn.preview(workspaceActor(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => BulkSmsOptInResult, { description: 'E2/E5 in bulk (ADMIN only): by ids or by filter, all or nothing' })
  bulkSetEmployeeSmsOptIn(
    @Arg('input', () => BulkSetEmployeeSmsOptInInput) input: BulkSetEmployeeSmsOptInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkSmsOptInResult> {
    return ctx.services.bulkSmsOptIn.run(workspaceActor(ctx), ctx.request, input);
  }
}
