import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDate, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min,
  ValidateIf, ValidateNested,
} from 'class-validator';
import { MAX_SCANS_PER_UPLOAD, SEEKER_GROUPS, type SeekerGroup } from '@leye/domain';
import { SeekerGroupEnum, TicketImageFormatEnum } from '../attendance.enums.js';

const ID_OPTS = { message: 'INVALID_ID' };

@ArgsType()
export class AttendanceEventArgs {
  @Field(() => ID) @IsUUID('all', ID_OPTS)
  eventId: string;
}

@ArgsType()
export class RegistrationIdArgs {
  @Field(() => ID) @IsUUID('all', ID_OPTS)
  registrationId: string;
}

@ArgsType()
export class RegisterArgs {
  @Field(() => ID, { nullable: true, description: 'The event (exactly one of eventId and seriesId).' })
  @ValidateIf((a: RegisterArgs) => a.seriesId == null) @IsUUID('all', ID_OPTS)
  eventId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A class (training series): registers for all its sessions.' })
  @ValidateIf((a: RegisterArgs) => a.eventId == null) @IsUUID('all', ID_OPTS)
  seriesId?: string | null;
}

@ArgsType()
export class TicketImageArgs extends RegistrationIdArgs {
  @Field(() => TicketImageFormatEnum, { defaultValue: 'SVG' }) @IsIn(Object.keys(TicketImageFormatEnum))
  format: keyof typeof TicketImageFormatEnum;
}

@InputType()
export class SeekerProfileInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 50)
  realName?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^1[3-9]\d{9}$/, { message: 'INVALID_PHONE' })
  mobile?: string | null;

  @Field(() => String, { nullable: true, description: 'Resident ID number (18 characters, checksum checked); stored encrypted; null removes it.' })
  @IsOptional() @IsString() @MaxLength(18)
  idNumber?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(['70', '60', '40', '30', '20', '14', '11'], { message: 'INVALID_EDUCATION' })
  education?: string | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1950) @Max(2100)
  graduationYear?: number | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[1-8]\.[0-9]{2}$/, { message: 'INVALID_OCCUPATION' })
  desiredOccupation?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\d{6}$/, { message: 'UNKNOWN_REGION' })
  regionCode?: string | null;

  @Field(() => [SeekerGroupEnum], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(5) @ArrayUnique() @IsIn(SEEKER_GROUPS, { each: true })
  groups?: SeekerGroup[] | null;
}

@InputType()
export class ScanInput {
  @Field(() => ID, { description: 'Made on the device (uuid): the same scan uploaded again is recorded once.' }) @IsUUID('all', ID_OPTS)
  scanId: string;

  @Field(() => ID) @IsUUID('all', ID_OPTS)
  gateId: string;

  @Field(() => String, { nullable: true, description: 'The ticket code scanned or typed (exactly one of code and registrationId).' })
  @ValidateIf((s: ScanInput) => s.registrationId == null) @IsString() @MaxLength(600)
  code?: string | null;

  @Field(() => ID, { nullable: true, description: 'A registration picked from the list (lookup by phone digits).' })
  @ValidateIf((s: ScanInput) => s.code == null) @IsUUID('all', ID_OPTS)
  registrationId?: string | null;

  @Field() @Type(() => Date) @IsDate()
  scannedAt: Date;

  @Field() @IsBoolean()
  offline: boolean;
}

@ArgsType()
export class UploadScansArgs extends AttendanceEventArgs {
  @Field(() => [ScanInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SCANS_PER_UPLOAD) @ValidateNested({ each: true }) @Type(() => ScanInput)
  scans: ScanInput[];
}

@InputType()
export class WalkInInput {
  @Field() @IsString() @Length(1, 50)
  name: string;

  @Field() @Matches(/^1[3-9]\d{9}$/, { message: 'INVALID_PHONE' })
  phone: string;

  @Field(() => SeekerGroupEnum, { nullable: true }) @IsOptional() @IsEnum(SeekerGroupEnum)
  group?: SeekerGroup | null;
}

@ArgsType()
export class RegisterWalkInArgs extends AttendanceEventArgs {
  @Field(() => ID) @IsUUID('all', ID_OPTS)
  gateId: string;

  @Field(() => WalkInInput) @ValidateNested() @Type(() => WalkInInput)
  input: WalkInInput;
}

@ArgsType()
export class CreateGateArgs extends AttendanceEventArgs {
  @Field() @IsString() @Length(1, 40)
  name: string;
}

@ArgsType()
export class RenameGateArgs {
  @Field(() => ID) @IsUUID('all', ID_OPTS)
  gateId: string;

  @Field() @IsString() @Length(1, 40)
  name: string;
}

@ArgsType()
export class GateIdArgs {
  @Field(() => ID) @IsUUID('all', ID_OPTS)
  gateId: string;
}

@ArgsType()
export class DoorVolunteerArgs extends AttendanceEventArgs {
  @Field(() => ID) @IsUUID('all', ID_OPTS)
  userId: string;
}

@ArgsType()
export class AttendanceListArgs extends AttendanceEventArgs {
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(50)
  take: number;

  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(1_000_000)
  skip: number;

  @Field(() => String, { nullable: true, description: 'Last digits of the phone, or part of the name.' }) @IsOptional() @IsString() @MaxLength(20)
  search?: string | null;
}

@ArgsType()
export class AttendanceExportArgs extends AttendanceEventArgs {
  @Field({ defaultValue: false, description: 'Phone and ID number in full: needs the export permission; written to the audit log.' }) @IsBoolean()
  unmasked: boolean;
}

@ArgsType()
export class BookingIdArgs {
  @Field(() => ID) @IsUUID('all', ID_OPTS)
  bookingId: string;
}

@InputType()
export class FairOutcomeInput {
  @Field(() => Int) @IsInt() @Min(0) @Max(100000)
  resumesReceived: number;

  @Field(() => Int) @IsInt() @Min(0) @Max(100000)
  interviews: number;

  @Field(() => Int, { description: 'Hiring intents reached (达成意向).' }) @IsInt() @Min(0) @Max(100000)
  hiringIntents: number;
}

@ArgsType()
export class RecordFairOutcomeArgs extends BookingIdArgs {
  @Field(() => FairOutcomeInput) @ValidateNested() @Type(() => FairOutcomeInput)
  input: FairOutcomeInput;
}
