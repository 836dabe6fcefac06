import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { PublishScheduleInput, PublishSchedulePayload, SaveScheduleWeekInput, SchedulePublishPreview, ScheduleWeekFilter } from './dtos/schedule.inputs.js';
import { Employee } from './employee.entity.js';
import { loadEmployee } from './load-employee.util.js';
import { ScheduleWeek } from './schedule-week.entity.js';
import { Shift } from './shift.entity.js';

const ScheduleWeekConnection = Connection(ScheduleWeek, 'ScheduleWeek');

@Resolver(() => ScheduleWeek)
export class ScheduleWeekResolver {
  @Authorized()
  @Query(() => ScheduleWeekConnection, { description: 'Ordered by weekStart' })
  scheduleWeeks(
    @Arg('filter', () => ScheduleWeekFilter, { nullable: true }) filter: ScheduleWeekFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.schedules.list(workspaceActor(ctx).workspaceId, filter, page);
  }

  @FieldResolver(() => Employee)
  employee(@Root() week: ScheduleWeek, @Ctx() ctx: GraphQLContext): Promise<Employee> {
    return loadEmployee(ctx, week.employeeId);
  }

  @FieldResolver(() => [Shift], { description: 'In start order' })
  shifts(@Root() week: ScheduleWeek, @Ctx() ctx: GraphQLContext): Promise<Shift[]> {
    return ctx.loaders.shiftsByWeek.load(week.id);
  }

  @Authorized()
  @Mutation(() => ScheduleWeek, { description: "Save one employee's week and replace its shifts; E4 for Send SMS Alert" })
  saveScheduleWeek(@Arg('input', () => SaveScheduleWeekInput) input: SaveScheduleWeekInput, @Ctx() ctx: GraphQLContext): Promise<ScheduleWeek> {
    return ctx.services.schedules.saveWeek(workspaceActor(ctx).workspaceId, input);
  }

  @Authorized()
  @Query(() => SchedulePublishPreview, { description: 'C3: how many employees a publish of this week would text, changed only or everyone; changes nothing' })
  schedulePublishPreview(@Arg('weekStart', () => String) weekStart: string, @Ctx() ctx: GraphQLContext): Promise<SchedulePublishPreview> {
    return ctx.services.schedulePublishing.preview(workspaceActor(ctx).workspaceId, weekStart);
  }

  @Authorized()
  @Mutation(() => PublishSchedulePayload, {
    description: 'E6/C3: publish every schedule of a week; employees whose shifts changed since the last publish get SCHEDULE_PUBLISHED (audience EVERYONE: all with shifts)',
  })
  publishSchedule(@Arg('input', () => PublishScheduleInput) input: PublishScheduleInput, @Ctx() ctx: GraphQLContext): Promise<PublishSchedulePayload> {
    return ctx.services.schedulePublishing.publish(workspaceActor(ctx).workspaceId, input.weekStart, input.idempotencyKey, new Date(), input.audience);
  }

  @Authorized()
  @Mutation(() => ScheduleWeek, { description: "E4: the week's Send SMS Alert switch" })
  setWeekSmsAlert(
    @Arg('weekId', () => ID) weekId: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScheduleWeek> {
    return ctx.services.schedules.setSmsAlert(workspaceActor(ctx).workspaceId, weekId, enabled);
  }
}
