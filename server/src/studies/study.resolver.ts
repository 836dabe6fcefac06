import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { CreateStudyInput, StudyFilter } from './dtos/study.inputs.js';
import { inviteUrl } from './public-links.js';
import { StudySession } from './study-session.entity.js';
import { Study } from './study.entity.js';

const StudyConnection = Connection(Study, 'Study');

@Resolver(() => Study)
export class StudyResolver {
  @Authorized()
  @Query(() => StudyConnection, { description: 'Newest first' })
  studies(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => StudyFilter, { nullable: true }) filter: StudyFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.studies.list(workspaceActor(ctx).workspaceId, filter?.search, page);
  }

  @Authorized()
  @Query(() => Study)
  study(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Study> {
    return ctx.services.studies.get(workspaceActor(ctx).workspaceId, id);
  }

  @Authorized()
  @Mutation(() => Study, { description: 'S1: Interview Reminder SMS is on unless smsRemindersEnabled is false' })
  createStudy(@Arg('input', () => CreateStudyInput) input: CreateStudyInput, @Ctx() ctx: GraphQLContext): Promise<Study> {
    const { workspaceId } = workspaceActor(ctx);
    return ctx.services.studies.createOnce(workspaceId, input);
  }

  @Authorized()
  @Mutation(() => Study, { description: "T1: the IANA zone a study's sessions are in; null for the workspace's" })
  setStudyTimeZone(
    @Arg('studyId', () => ID) studyId: string,
    @Arg('timeZone', () => String, { nullable: true }) timeZone: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Study> {
    return ctx.services.studies.setTimeZone(workspaceActor(ctx).workspaceId, studyId, timeZone);
  }

  @Authorized()
  @Mutation(() => Study, { description: "S1: turn a study's Interview Reminder SMS on or off (any workspace user)" })
  setStudySmsReminders(
    @Arg('studyId', () => ID) studyId: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Study> {
    return ctx.services.studies.setSmsReminders(workspaceActor(ctx).workspaceId, studyId, enabled);
  }

  @Authorized()
  @FieldResolver(() => [StudySession], { description: 'Every session, soonest first' })
  sessions(@Root() study: Study, @Ctx() ctx: GraphQLContext): Promise<StudySession[]> {
    return ctx.loaders.sessionsByStudy.load(study.id);
  }

  @Authorized()
  @FieldResolver(() => String, { description: 'The public signup link to share with participants' })
  inviteUrl(@Root() study: Study, @Ctx() ctx: GraphQLContext): string {
    return inviteUrl(ctx.settings.publicUrl, study.inviteToken);
  }
}
