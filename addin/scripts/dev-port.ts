/** The dev server's port: manifest.xml's URLs name https://localhost:3000. */
export const DEV_PORT = 3000;
