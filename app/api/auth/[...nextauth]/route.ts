import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { withDingtalkCode } from '@/lib/platforms/dingtalk/callback';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  const url = withDingtalkCode(request.nextUrl);
  const forwarded = url === request.nextUrl ? request : new NextRequest(url, request);
  return NextAuth(forwarded as never, context as never, await getAuthOptions());
}

export { handler as GET, handler as POST };
