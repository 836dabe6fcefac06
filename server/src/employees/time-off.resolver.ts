import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { CreateTimeOffRequestInput, TimeOffRequestFilter } from './dtos/schedule.inputs.js';
import { Employee } from './employee.entity.js';
import { loadEmployee } from './load-employee.util.js';
import { TimeOffRequest } from './time-off-request.entity.js';

const TimeOffRequestConnection = Connection(TimeOffRequest, 'TimeOffRequest');

@Resolver(() => TimeOffRequest)
export class TimeOffResolver {
  @Authorized()
  @Query(() => TimeOffRequestConnection, { description: 'Newest first' })
  timeOffRequests(
    @Arg('filter', () => TimeOffRequestFilter, { nullable: true }) filter: TimeOffRequestFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.timeOff.list(workspaceActor(ctx).workspaceId, filter, page);
  }

  @FieldResolver(() => Employee)
  employee(@Root() request: TimeOffRequest, @Ctx() ctx: GraphQLContext): Promise<Employee> {
    return loadEmployee(ctx, request.employeeId);
  }

  @Authorized()
  @Mutation(() => TimeOffRequest, { description: 'E6: approve or decline a PENDING request; the employee is texted the answer' })
  decideTimeOff(
    @Arg('id', () => ID) id: string,
    @Arg('approved', () => Boolean) approved: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TimeOffRequest> {
    return ctx.services.timeOff.decide(workspaceActor(ctx), id, approved);
  }

  @Authorized()
  @Mutation(() => TimeOffRequest, { description: 'Record a request (PENDING); deciding it is a separate step' })
  createTimeOffRequest(
    @Arg('input', () => CreateTimeOffRequestInput) input: CreateTimeOffRequestInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TimeOffRequest> {
    const { workspaceId } = workspaceActor(ctx);
    return ctx.services.timeOff.createOnce(workspaceId, input);
  }
}
