import { DisplayNameField, EmailField, PasswordField, UsernameField } from '../../users/dto/user-fields';

export class RegisterDto {
  @EmailField() email: string;
  @PasswordField() password: string;
  @UsernameField() username?: string;
  @DisplayNameField() displayName?: string;
}
