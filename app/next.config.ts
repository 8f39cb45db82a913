import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The generated contract file lives inside the app; nothing else from outside is imported.
  poweredByHeader: false,
};

export default nextConfig;
