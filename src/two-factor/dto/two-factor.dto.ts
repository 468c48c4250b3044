import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, ValidateIf } from 'class-validator';

/** A second-factor answer: the authenticator's current code, or one of the recovery codes. */
export class SecondFactorAnswerDto {
  @ApiPropertyOptional({ description: 'The 6-digit code the authenticator app shows', example: '123456' })
  // Checked whenever sent, and required when no recovery code is.
  @ValidateIf((dto: SecondFactorAnswerDto) => dto.recoveryCode === undefined || dto.code !== undefined)
  @IsString({ message: 'code or recoveryCode is required' })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code?: string;

  @ApiPropertyOptional({
    description: 'One of the recovery codes, each good once',
    example: '3f9a2-07c1d-9be40-5a6f1',
  })
  @ValidateIf((dto: SecondFactorAnswerDto) => dto.recoveryCode !== undefined)
  @IsString()
  @Length(1, 64)
  recoveryCode?: string;
}

export class EnableTwoFactorDto {
  @ApiProperty({
    description: 'The first code the authenticator app shows for the new secret',
    example: '123456',
  })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class SecondFactorLoginDto extends SecondFactorAnswerDto {
  @ApiProperty({ description: 'From the mfa-required answer of POST /auth/login; 5 minutes, 5 answers' })
  @IsString()
  @Length(1, 200)
  mfaToken: string;
}

export class TwoFactorSetupDto {
  @ApiProperty({
    description: 'Base32; shown for typing in by hand',
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  })
  secret: string;
  @ApiProperty({
    description: 'For a QR code',
    example: 'otpauth://totp/Taskforge:ada?secret=…&issuer=Taskforge',
  })
  otpauthUrl: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: String, isArray: true, description: 'Ten codes, each good once; shown only now' })
  recoveryCodes: string[];
}
