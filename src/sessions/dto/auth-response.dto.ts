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
