import { Field, InputType, ObjectType } from 'type-graphql';
import { MessageLanguage } from './inboxTypes';

@ObjectType('NotificationRecipient', {
  description:
    'Where the notifications of a role in an organisation (personId "*") or of one person go besides the inbox.',
})
export class NotificationRecipientType {
  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { description: 'A user id, or "*" for the whole role.' })
  personId!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Personal data: shown to platform admins.' })
  email!: string | null;

  @Field(() => MessageLanguage)
  language!: MessageLanguage;

  @Field(() => [String], { description: 'Besides the inbox (always on): email.' })
  channels!: string[];
}

@InputType({ description: 'A directory entry: added, or replaced when it exists.' })
export class NotificationRecipientInput {
  @Field(() => String, { description: 'GM…, CIZ, DienstToeslagen or a supporter organisation.' })
  organisation!: string;

  @Field(() => String, { description: 'e.g. smi-officer, bewindvoerder, toeslagen-officer.' })
  role!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A user id; "*" (default) for the whole role.',
  })
  personId?: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => MessageLanguage, { nullable: true, description: 'Default nl.' })
  language?: MessageLanguage;

  @Field(() => [String], {
    nullable: true,
    description: 'Default ["email"] with an address, else [] (inbox only).',
  })
  channels?: string[];
}
