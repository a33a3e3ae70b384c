// A portal's use of the clients generated from docs/openapi: read an item's guide without a token, then follow an
// application with the applicant's token. PortalClientsTest type-checks it against what openapi-generator wrote.
import * as catalog from "./catalog";
import * as intake from "./intake";

const gateway = "https://runonce.example.gov.cn";

export async function guideTitle(itemCode: string): Promise<string | undefined> {
    const items = new catalog.ItemsApi(new catalog.Configuration({ basePath: gateway }));
    const guide: catalog.GuideView = await items.itemGuide({ code: itemCode });
    return guide.name?.zh;
}

export async function applicationStatus(number: string, accessToken: string): Promise<string | undefined> {
    const applications = new intake.ApplicationsApi(
        new intake.Configuration({ basePath: gateway, accessToken: async () => accessToken }),
    );
    const application: intake.ApplicationView = await applications.applicationGet({ number });
    return application.status;
}
