// The console pages behind the public links (S3 signup, S7 manage booking).
export const inviteUrl = (publicUrl: string, inviteToken: string) => `${publicUrl}/console/invite/${inviteToken}`;
export const manageUrl = (publicUrl: string, manageToken: string) => `${publicUrl}/console/manage/${manageToken}`;
