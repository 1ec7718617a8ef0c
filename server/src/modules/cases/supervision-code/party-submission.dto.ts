import { ApiProperty } from '@nestjs/swagger';
import { PARTY_SUBMISSION_KINDS, PARTY_SUBMISSION_TEXT_MAX, type PartySubmissionKind, type PartySubmissionRequest } from '@mashang/shared';
import { IsIn, IsString, MaxLength } from 'class-validator';

/** POST /api/penalty-codes/:token/submissions. The length is checked again, trimmed and in characters, by the rules. */
export class PartySubmissionDto implements PartySubmissionRequest {
  @ApiProperty({ enum: PARTY_SUBMISSION_KINDS, example: 'objection' }) @IsIn(PARTY_SUBMISSION_KINDS) kind: PartySubmissionKind;

  @ApiProperty({ maxLength: PARTY_SUBMISSION_TEXT_MAX, example: '本店系初次违法且已主动下架，请求从轻处罚' })
  @IsString()
  // Room for whitespace the rules trim; a longer body is refused before anything is read.
  @MaxLength(PARTY_SUBMISSION_TEXT_MAX + 200)
  text: string;
}
