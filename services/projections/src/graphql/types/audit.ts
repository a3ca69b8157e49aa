import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EventActorType } from './common';
import { DateTime } from './scalars';

@ObjectType()
export class EventActorRecipient {
  @Field()
  organisation!: string;
  @Field()
  role!: string;
  @Field(() => String, { nullable: true })
  personId?: string;
}

@ObjectType({ description: 'Who was notified of a case, how, and whether the message arrived.' })
export class NotificationRecordType {
  @Field()
  rule!: string;
  @Field({ description: 'inbox, email or webhook' })
  channel!: string;
  @Field(() => EventActorRecipient)
  recipient!: EventActorRecipient;
  @Field({ description: 'delivered or failed' })
  outcome!: string;
  @Field(() => String, { nullable: true })
  error?: string;
}

@ObjectType({
  description:
    'One event of a case (or a delivery record of its notifications): who, in which role and organisation, and when.',
})
export class HistoryEntry {
  // Positions on PostgreSQL are transaction id * 4096 + index: far beyond GraphQL's 32-bit Int.
  @Field(() => GraphQLSafeInt)
  position!: number;
  @Field(() => Int)
  revision!: number;
  @Field(() => ID)
  eventId!: string;
  @Field()
  type!: string;
  @Field(() => Int)
  schemaVersion!: number;
  @Field(() => EventActorType)
  actor!: EventActorType;
  @Field(() => DateTime, { description: 'Business time: when it happened in the world.' })
  occurredAt!: string;
  @Field(() => DateTime, { description: 'When the platform recorded it.' })
  recordedAt!: string;
  @Field(() => String, { nullable: true })
  commandId!: string | null;
  @Field(() => String, { nullable: true })
  correlationId!: string | null;
  @Field(() => NotificationRecordType, {
    nullable: true,
    description: 'Set for NotificationDelivered and NotificationFailed: who was told, how.',
  })
  notification!: NotificationRecordType | null;
}

@ObjectType({ description: "The hash-chain check of a case's event stream." })
export class IntegrityReport {
  @Field()
  streamId!: string;
  @Field()
  valid!: boolean;
  @Field(() => Int)
  eventCount!: number;
  @Field(() => Int, { nullable: true })
  firstInvalidRevision!: number | null;
  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType({ description: 'An auditor read personal data of a case.' })
export class PersonalDataRead {
  @Field(() => ID)
  caseId!: string;
  @Field(() => EventActorType)
  actor!: EventActorType;
  @Field({ description: 'The personal fields shown.' })
  what!: string;
  @Field()
  query!: string;
  @Field(() => String, { nullable: true })
  correlationId!: string | null;
  @Field(() => DateTime)
  readAt!: string;
}

@ObjectType()
export class ProjectionStatus {
  @Field()
  projection!: string;
  @Field(() => Int)
  version!: number;
  @Field(() => Int)
  generation!: number;
  @Field({ description: 'live, or building (a rebuild in progress).' })
  status!: string;
  @Field(() => GraphQLSafeInt)
  position!: number;
  @Field()
  running!: boolean;
  @Field({ description: 'Age in seconds of the oldest event not yet handled.' })
  lagSeconds!: number;
  @Field(() => String, { nullable: true })
  lastError!: string | null;
}

@ObjectType()
export class RebuildResult {
  @Field()
  projection!: string;
  @Field(() => Int)
  version!: number;
  @Field(() => Int)
  generation!: number;
  @Field(() => Int, { nullable: true })
  previousGeneration!: number | null;
  @Field(() => GraphQLSafeInt)
  position!: number;
  @Field(() => DateTime)
  switchedAt!: string;
}
