import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users/dto/user.dto';

export class TokenPairDto {
  @ApiProperty({ description: 'JWT, valid expiresIn seconds' }) accessToken: string;
  @ApiProperty({ description: 'Opaque; works once, then the next one comes back' }) refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ example: 900 }) expiresIn: number;
}

export class AuthResponseDto extends TokenPairDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class MeDto extends UserDto {
  @ApiProperty({ description: 'Whether sign-in asks for a second factor' }) twoFactor: boolean;
}

export class OidcProviderDto {
  @ApiProperty({ example: 'id.example.com', description: 'For "Sign in with …"' }) name: string;
  @ApiProperty({
    example: '/api/v1/auth/oidc/login',
    description: 'Open it (add ?returnTo=/path) to sign in',
  })
  loginUrl: string;
}

export class ProvidersDto {
  @ApiProperty({ description: 'Whether local passwords are accepted' }) password: boolean;
  @ApiProperty({ type: OidcProviderDto, nullable: true }) oidc: OidcProviderDto | null;
}
